// Reads RIS, BibTeX or biblatex on standard input with citation-js and prints the CSL-JSON it makes:
// the tests of evidence's exports use it to see what a reference manager built on citation-js reads.
// Usage: node to-csl.js ris|bibtex|biblatex < file
const { Cite, plugins } = require('@citation-js/core')
require('@citation-js/plugin-ris')
require('@citation-js/plugin-bibtex')
require('@citation-js/plugin-csl')

const FORMATS = { ris: '@ris/file', bibtex: '@bibtex/text', biblatex: '@biblatex/text' }
const format = FORMATS[process.argv[2]]
if (!format) {
  console.error(`usage: node to-csl.js ${Object.keys(FORMATS).join('|')} < file`)
  process.exit(2)
}
let text = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', (chunk) => { text += chunk })
process.stdin.on('end', () => {
  const data = new Cite(text, { forceType: format }).get({ format: 'real', type: 'json', style: 'csl' })
  process.stdout.write(JSON.stringify(data) + '\n')
})
