"""The Indigo Book (2d ed., 2023 rev.), Table T11, "Required Abbreviations for Case Names in
Citations, Periodical Titles, and Institutional Authors (Common Words)", as data: one row of the
book's table a line, its words, then its abbreviation. R11.3 of the book abbreviates the words of
case names in citation sentences and clauses by it. The Indigo Book is dedicated to the public
domain (CC0); the rows are transcribed from its tables (indigobook/text, docs/indigo-book-tables.html).

Where the book's row is not one word to one abbreviation, the line says what is taken:
"Administrator, Administratrix: Adm'r, Adm'x" and "Executor, Executrix: Ex'[r, x]" are split
into their pairs; "Advertising: Advert. or Adver." takes the first; the row "Comestic" is the
word "Cosmetic" (its abbreviation "Cosm."); "Counselor's" is left to the book's rule for
possessives (the abbreviation, then 's); "University" takes its case-name form ("Univ.", not
the periodicals' "U."); "Law" is not abbreviated as a name's first word (the book's own row).
The book prints a curly apostrophe; the engine writes the straight one everywhere ("Int'l")."""

ROWS = """
Academic, Academy: Acad.
Accountant, Accounting, Accountancy: Acct.
Administrative, Administration: Admin.
Administrator: Adm'r
Administratrix: Adm'x
Advertising: Advert.
Advocate, Advocacy: Advoc.
Affair: Aff.
Africa, African: Afr.
Agriculture, Agricultural: Agric.
Alliance: All.
Alternative: Alt.
Amendment: Amend.
America, American: Am.
and: &
Annual: Ann.
Appellate: App.
Arbitration, Arbitrator: Arb.
Artificial Intelligence: A.I.
Associate: Assoc.
Association: Ass'n
Atlantic: Atl.
Attorney: Att'y
Authority: Auth.
Automobile, Automotive: Auto.
Avenue: Ave.
Bankruptcy: Bankr.
Behavior, Behavioral: Behav.
Board: Bd.
Broadcaster, Broadcasting: Broad.
Brotherhood: Bhd.
Brothers: Bros.
Building: Bldg.
Business, Businesses: Bus.
Capital: Cap.
Casualty, Casualties: Cas.
Catholic: Cath.
Center, Centre: Ctr.
Central: Cent.
Chemical: Chem.
Children: Child.
Chronicle: Chron.
Circuit: Cir.
Coalition: Coal.
College: Coll.
Commentary: Comment.
Commission: Comm'n
Commissioner: Comm'r
Committee: Comm.
Communication: Commc'n
Community: Cmty.
Company: Co.
Comparative: Compar.
Compensation: Comp.
Computer, Computing, Computational: Comput.
Condominium: Condo.
Conference: Conf.
Congress, Congressional: Cong.
Consolidated: Consol.
Construction: Constr.
Contemporary: Contemp.
Continental: Cont'l
Contract: Cont.
Conveyance, Conveyancer: Conv.
Cooperation, Cooperative: Coop.
Corporate, Corporation: Corp.
Corrections, Correctional: Corr.
Cosmetic: Cosm.
Counselor, Counselors, Counseling: Couns.
County: Cnty.
Defend, Defender, Defense, Defensive: Def.
Delinquent, Delinquency: Delinq.
Department: Dep't
Detention: Det.
Developer, Development: Dev.
Digest: Dig.
Digital: Digit.
Diplomacy: Dipl.
Director: Dir.
Discount: Disc.
Dispute: Disp.
Distributor, Distributing, Distribution: Distrib.
District: Dist.
Division: Div.
Doctor: Dr.
East, Eastern: E.
Economic, Economical, Economics, Economy: Econ.
Editor, Editorial: Ed.
Educate, Education, Educating, Educational, Educator: Educ.
Electric, Electrical, Electricity, Electronic: Elec.
Employee, Employer, Employment: Emp.
Enforcement: Enf't
Engineer: Eng'r
Engineering: Eng'g
English: Eng.
Enterprise: Enter.
Entertainment: Entm't
Environment, Environmental: Env't
Equality: Equal.
Equipment: Equip.
Estate: Est.
Examiner: Exam'r
Exchange: Exch.
Executive: Exec.
Executor: Ex'r
Executrix: Ex'x
Exploration, Exploratory: Expl.
Exporter, Exportation: Exp.
Faculty: Fac.
Federal: Fed.
Federation: Fed'n
Fidelity: Fid.
Finance, Financial, Financing: Fin.
Fortnightly: Fort.
Forum: F.
Foundation: Found.
General: Gen.
Global: Glob.
Government: Gov't
Group: Grp.
Guaranty, Guarantor: Guar.
Hispanic: Hisp.
Historical, History: Hist.
Hospital: Hosp.
Hospitality: Hosp.
Housing: Hous.
Human: Hum.
Import, Importer, Importation: Imp.
Incorporated: Inc.
Indemnity: Indem.
Independence, Independent: Indep.
Industry, Industries, Industrial: Indus.
Inequality: Ineq.
Information: Info.
Institute, Institution: Inst.
Insurance: Ins.
Intellectual: Intell.
Intelligence: Intel.
Interdisciplinary: Interdisc.
Interest: Int.
International: Int'l
Investment, Investor: Inv.
Laboratory: Lab.
Law, Laws: L.
Lawyer: Law.
Legislate, Legislation, Legislative: Legis.
Liability: Liab.
Library, Librarian: Libr.
Limited: Ltd.
Litigation: Litig.
Local: Loc.
Machine, Machinery: Mach.
Magazine: Mag.
Maintenance: Maint.
Management: Mgmt.
Manufacturer: Mfr.
Manufacturing: Mfg.
Maritime: Mar.
Market: Mkt.
Marketing: Mktg.
Matrimonial: Matrim.
Mechanic, Mechanical: Mech.
Medical, Medicinal, Medicine: Med.
Memorial: Mem'l
Merchant, Merchandise, Merchandising: Merch.
Metropolitan: Metro.
Military: Mil.
Mineral: Min.
Modern: Mod.
Mortgage: Mortg.
Municipal, Municipality: Mun.
Mutual: Mut.
National: Nat'l
Nationality: Nat'y
Natural: Nat.
Negligence: Negl.
Negotiation, Negotiator: Negot.
Newsletter: Newsl.
North, Northern: N.
Northeast, Northeastern: Ne.
Northwest, Northwestern: Nw.
Number: No.
Office, Official: Off.
Opinion: Op.
Order: Ord.
Organization, Organizing: Org.
Pacific: Pac.
Parish: Par.
Partnership: P'ship
Patent: Pat.
Person, Personal, Personnel: Pers.
Perspective: Persp.
Pharmaceutic, Pharmaceutical: Pharm.
Philosophical, Philosophy: Phil.
Planning: Plan.
Policy: Pol'y
Politic, Political, Politics: Pol.
Practical, Practice, Practitioner: Prac.
Preserve, Preservation: Pres.
Privacy, Private: Priv.
Probate, Probation: Prob.
Problems: Probs.
Proceedings, Procedure: Proc.
Product, Production: Prod.
Profession, Professional: Pro.
Property: Prop.
Protection: Prot.
Psychological, Psychologist, Psychology: Psych.
Public: Pub.
Publication: Publ'n
Publishing: Publ'g
Quarterly: Q.
Railroad: R.R.
Railway: Ry.
Record: Rec.
Referee: Ref.
Refining, Refinement: Refin.
Regional: Reg'l
Register: Reg.
Regulation, Regulator, Regulatory: Regul.
Rehabilitation, Rehabilitative: Rehab.
Relation: Rel.
Report, Reporter: Rep.
Reproduction, Reproductive: Reprod.
Research: Rsch.
Reservation, Reserve: Rsrv.
Resolution: Resol.
Resource, Resources: Res.
Responsibility: Resp.
Restaurant: Rest.
Retirement: Ret.
Review, Revista: Rev.
Rights: Rts.
Road: Rd.
Savings: Sav.
School: Sch.
Science, Scientific: Sci.
Scottish: Scot.
Secretary: Sec'y
Security, Securities: Sec.
Sentencing: Sent'g
Service: Serv.
Shareholder, Stockholder: S'holder
Social: Soc.
Society: Soc'y
Sociological, Sociology: Socio.
Solicitor: Solic.
Solution: Sol.
South, Southern: S.
Southeast, Southeastern: Se.
Southwest, Southwestern: Sw.
Statistic, Statistics, Statistical: Stat.
Steamship, Steamships: S.S.
Street: St.
Studies: Stud.
Subcommittee: Subcomm.
Supreme Court: Sup. Ct.
Surety: Sur.
System, Systems: Sys.
Taxation: Tax'n
Teacher: Tchr.
Technical, Technique, Technological, Technology: Tech.
Telecommunication: Telecomm.
Telephone, Telegraph: Tel.
Temporary: Temp.
Township: Twp.
Transcontinental: Transcon.
Transnational: Transnat'l
Transport, Transportation: Transp.
Tribune: Trib.
Trust, Trustee: Tr.
Turnpike: Tpk.
Uniform: Unif.
United States: U.S.
University: Univ.
Urban: Urb.
Utility: Util.
Village: Vill.
Week: Wk.
Weekly: Wkly.
West, Western: W.
Yearbook, Year Book: Y.B.
"""
