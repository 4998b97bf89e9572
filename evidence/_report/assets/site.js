// What the script adds to pages that work without it: copy buttons for citations, and the
// filters of a list by status and confidence. Nothing is fetched.
"use strict";

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text);
  }
  // A page opened from the file system has no clipboard API: copy through a selection.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "absolute";
  area.style.left = "-9999px";
  document.body.appendChild(area);
  area.select();
  const done = document.execCommand("copy");
  area.remove();
  return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
}

function setUpCopying() {
  for (const button of document.querySelectorAll("button.copy[data-copy]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      copyText(button.dataset.copy).then(
        () => { button.textContent = "Copied"; button.classList.add("copied"); },
        () => { button.textContent = "Select and copy"; },
      );
    });
  }
}

function setUpFilters() {
  for (const form of document.querySelectorAll("form.filters")) {
    const list = document.getElementById(form.dataset.list);
    if (!list) continue;
    form.hidden = false;
    const apply = () => {
      const wanted = {};
      for (const select of form.querySelectorAll("select")) wanted[select.name] = select.value;
      for (const item of list.querySelectorAll("[data-status], [data-mark]")) {
        const shown = Object.entries(wanted).every(([name, value]) => !value || item.dataset[name] === value);
        item.hidden = !shown;
      }
      for (const group of list.querySelectorAll("section[data-group]")) {
        group.hidden = !group.querySelector("[data-mark]:not([hidden]), [data-status]:not([hidden])");
      }
    };
    form.addEventListener("change", apply);
    form.addEventListener("submit", (event) => { event.preventDefault(); apply(); });
  }
}

document.addEventListener("DOMContentLoaded", () => { setUpCopying(); setUpFilters(); });
