/* Generated from questionnaire.json by build-aux/questionnaire-strings.py: do not edit.
 * Only for xgettext (never compiled): the texts of the content file. */
#if 0
/* TRANSLATORS: avg $.title */
N_("GDPR quick start (AVG)");
/* TRANSLATORS: avg $.intro */
N_("Ask these questions of the owner or the person who handles privacy. Answer 'partly' when something exists but is incomplete.");
/* TRANSLATORS: avg $.sections[data].title */
N_("Personal data");
/* TRANSLATORS: avg $.sections[data].questions[staff].text */
N_("How many people work at the company, including part-timers?");
/* TRANSLATORS: avg $.sections[data].questions[staff].help */
N_("Count everyone on the payroll. Fewer than 250 does not make the processing register optional when personal data is processed regularly.");
/* TRANSLATORS: avg $.sections[data].questions[what-data].text */
N_("Which personal data does the company keep, about whom, and why?");
/* TRANSLATORS: avg $.sections[data].questions[what-data].help */
N_("Ask for examples: customer names and addresses, staff records, camera images, order history. Write down the groups of people and the purposes.");
/* TRANSLATORS: avg $.sections[data].questions[data-known].text */
N_("Does the owner know which personal data is kept where?");
/* TRANSLATORS: avg $.sections[data].questions[data-known].help */
N_("Yes when they can name the systems (till, webshop, mailbox, accounting) and what each holds.");
/* TRANSLATORS: avg $.sections[data].questions[register].text */
N_("Is there a record of processing activities (verwerkingsregister)?");
/* TRANSLATORS: avg $.sections[data].questions[register].help */
N_("Ask to see it. Partly when it exists but is incomplete or years old. The exemption for fewer than 250 staff rarely applies: salary records alone are regular processing.");
/* TRANSLATORS: avg $.sections[data].questions[legal-basis].text */
N_("Is there a legal basis for every purpose (contract, legal duty, consent, legitimate interest)?");
/* TRANSLATORS: avg $.sections[data].questions[legal-basis].help */
N_("Go through the purposes named above. Consent must be freely given and can be withdrawn; it is not needed for what a contract or the law requires.");
/* TRANSLATORS: avg $.sections[sensitive].title */
N_("Sensitive data");
/* TRANSLATORS: avg $.sections[sensitive].questions[special-data].text */
N_("Does the company process health data or other special categories (religion, ethnicity, criminal records)?");
/* TRANSLATORS: avg $.sections[sensitive].questions[special-data].help */
N_("Sick-leave notes with a diagnosis, allergies of customers, a certificate of conduct: all count.");
/* TRANSLATORS: avg $.sections[sensitive].questions[special-data].options[yes].label */
N_("Yes");
/* TRANSLATORS: avg $.sections[sensitive].questions[special-data].options[no].label */
N_("No");
/* TRANSLATORS: avg $.sections[sensitive].questions[special-data].options[unknown].label */
N_("Do not know");
/* TRANSLATORS: avg $.sections[sensitive].questions[special-data-protected].text */
N_("Is there a legal exception for it, and is access limited to those who need it?");
/* TRANSLATORS: avg $.sections[sensitive].questions[special-data-protected].help */
N_("For sick leave: the employer may record that someone is ill, not the diagnosis.");
/* TRANSLATORS: avg $.sections[sensitive].questions[bsn].text */
N_("Does the company record citizen service numbers (BSN)?");
/* TRANSLATORS: avg $.sections[sensitive].questions[bsn].help */
N_("Allowed only where a law requires it, such as the payroll tax administration.");
/* TRANSLATORS: avg $.sections[sensitive].questions[bsn-lawful].text */
N_("Is the BSN used only where a law requires it?");
/* TRANSLATORS: avg $.sections[sensitive].questions[id-copies].text */
N_("Does the company keep copies of identity documents?");
/* TRANSLATORS: avg $.sections[sensitive].questions[id-copies-lawful].text */
N_("Is the copy needed by law, with the BSN and photo blacked out where allowed?");
/* TRANSLATORS: avg $.sections[sensitive].questions[id-copies-lawful].help */
N_("An employer must keep a copy of a new employee's ID; a shop renting out goods may only look at an ID, not copy it.");
/* TRANSLATORS: avg $.sections[sensitive].questions[cameras].text */
N_("Are there security cameras?");
/* TRANSLATORS: avg $.sections[sensitive].questions[camera-rules].text */
N_("Are the cameras announced with a sign, and are images deleted within four weeks?");
/* TRANSLATORS: avg $.sections[sensitive].questions[camera-rules].help */
N_("Cameras may not film the street, the staff room or toilets.");
/* TRANSLATORS: avg $.sections[sensitive].questions[monitoring].text */
N_("Does the company monitor its employees (mail, internet use, location, time registration with fingerprints)?");
/* TRANSLATORS: avg $.sections[sensitive].questions[monitoring-rules].text */
N_("Are the employees told about it in advance, and is it limited to what is necessary?");
/* TRANSLATORS: avg $.sections[sensitive].questions[dpia].text */
N_("Has a data protection impact assessment (DPIA) been done for the risky processing?");
/* TRANSLATORS: avg $.sections[sensitive].questions[dpia].help */
N_("Needed for the processing types on the Dutch Data Protection Authority's list of 17, such as camera surveillance, employee monitoring and large-scale health data.");
/* TRANSLATORS: avg $.sections[sensitive].questions[dpo-checked].text */
N_("Has the company checked whether it needs a data protection officer (FG)?");
/* TRANSLATORS: avg $.sections[sensitive].questions[dpo-checked].help */
N_("Rarely needed for a small shop; needed when the core business is large-scale monitoring or special-category data.");
/* TRANSLATORS: avg $.sections[people].title */
N_("Customers and the public");
/* TRANSLATORS: avg $.sections[people].questions[privacy-statement].text */
N_("Is there a privacy statement that tells customers what is done with their data?");
/* TRANSLATORS: avg $.sections[people].questions[privacy-statement].help */
N_("Usually on the website; it names the company, the purposes, the retention periods and how to exercise rights.");
/* TRANSLATORS: avg $.sections[people].questions[website].text */
N_("Does the company have a website or webshop?");
/* TRANSLATORS: avg $.sections[people].questions[cookies].text */
N_("Does the website ask consent before placing tracking cookies?");
/* TRANSLATORS: avg $.sections[people].questions[cookies].help */
N_("Open the site in a private window: do analytics or advertising cookies appear before clicking 'accept'?");
/* TRANSLATORS: avg $.sections[people].questions[newsletter].text */
N_("Does the company send newsletters or other marketing mail?");
/* TRANSLATORS: avg $.sections[people].questions[marketing-consent].text */
N_("Do recipients give consent (or are they existing customers), and can they unsubscribe in every mail?");
/* TRANSLATORS: avg $.sections[people].questions[rights].text */
N_("Can the company handle a request to see, correct or delete someone's data within one month?");
/* TRANSLATORS: avg $.sections[people].questions[rights].help */
N_("Ask who would pick up such a request and how they would find all data about one person.");
/* TRANSLATORS: avg $.sections[suppliers].title */
N_("Suppliers and transfers");
/* TRANSLATORS: avg $.sections[suppliers].questions[processor-agreements].text */
N_("Is there a processor agreement with every supplier that handles personal data (IT supplier, payroll, webshop host)?");
/* TRANSLATORS: avg $.sections[suppliers].questions[processor-agreements].help */
N_("Partly when some suppliers are covered and others not. Standard terms of cloud services often contain one: ask whether it was checked.");
/* TRANSLATORS: avg $.sections[suppliers].questions[outside-eu].text */
N_("Does personal data go to services outside the EU (for example American cloud services)?");
/* TRANSLATORS: avg $.sections[suppliers].questions[transfer-safeguards].text */
N_("Is the transfer covered (adequacy decision, EU-US Data Privacy Framework, standard contractual clauses)?");
/* TRANSLATORS: avg $.sections[handling].title */
N_("Handling and security");
/* TRANSLATORS: avg $.sections[handling].questions[retention].text */
N_("Are there retention periods, and is data deleted when they end?");
/* TRANSLATORS: avg $.sections[handling].questions[retention].help */
N_("The fiscal records must be kept seven years; applicants' data about four weeks after the procedure.");
/* TRANSLATORS: avg $.sections[handling].questions[breach-procedure].text */
N_("Is there a procedure for data breaches, including a register and reporting to the authority within 72 hours?");
/* TRANSLATORS: avg $.sections[handling].questions[breach-procedure].help */
N_("A lost laptop, a mail to the wrong person, a hacked mailbox: does staff know to tell someone at once, and is every breach written down?");
/* TRANSLATORS: avg $.sections[handling].questions[security].text */
N_("Is personal data protected with suitable security measures (updates, passwords, backups)?");
/* TRANSLATORS: avg $.sections[handling].questions[security].help */
N_("The access-control and patching scans measure this in detail; here, ask for the owner's own view.");
/* TRANSLATORS: avg $.sections[handling].questions[need-to-know].text */
N_("Can employees reach only the personal data they need for their work?");
/* TRANSLATORS: avg $.sections[handling].questions[awareness].text */
N_("Do employees know how to handle personal data (a short instruction, yearly reminder)?");
/* TRANSLATORS: avg $.sections[handling].questions[privacy-by-design].text */
N_("When new software or a new way of working is chosen, is privacy considered from the start?");
/* TRANSLATORS: avg $.sections[handling].questions[disposal].text */
N_("Are paper and old devices with personal data destroyed securely (shredder, wiped disks)?");
/* TRANSLATORS: avg $.sections[handling].questions[sending].text */
N_("Is sensitive data sent securely (not as a plain mail attachment)?");
/* TRANSLATORS: avg $.sections[handling].questions[proof].text */
N_("Is there one place where the proof of all this is kept (register, agreements, breach register, DPIA)?");
/* TRANSLATORS: avg $.rules[avg.no-processing-register].title */
N_("No complete record of processing activities");
/* TRANSLATORS: avg $.rules[avg.no-processing-register].risk */
N_("Without a register the company cannot show which personal data it has and why; the authority can impose a fine.");
/* TRANSLATORS: avg $.rules[avg.no-processing-register].step */
N_("Fill in the Data Protection Authority's model processing register (a spreadsheet on autoriteitpersoonsgegevens.nl): one line per purpose. Ask the sector association for an example.");
/* TRANSLATORS: avg $.rules[avg.no-legal-basis].title */
N_("Not every purpose has a legal basis");
/* TRANSLATORS: avg $.rules[avg.no-legal-basis].risk */
N_("Processing without a legal basis is not allowed; customers can object and the authority can order it to stop.");
/* TRANSLATORS: avg $.rules[avg.no-legal-basis].step */
N_("Add a column 'legal basis' to the processing register and choose one for each purpose; stop processing for which none fits.");
/* TRANSLATORS: avg $.rules[avg.special-data-unprotected].title */
N_("Sensitive personal data without a legal exception or limited access");
/* TRANSLATORS: avg $.rules[avg.special-data-unprotected].risk */
N_("Health or criminal data that leaks or is used wrongly hurts people badly and weighs heavily in a fine.");
/* TRANSLATORS: avg $.rules[avg.special-data-unprotected].step */
N_("Stop recording what is not allowed (for example diagnoses of sick employees) and put the rest in a folder only the responsible person can open.");
/* TRANSLATORS: avg $.rules[avg.bsn-without-law].title */
N_("Citizen service numbers used without a legal duty");
/* TRANSLATORS: avg $.rules[avg.bsn-without-law].risk */
N_("The BSN may only be used where a law requires it; misuse makes identity fraud easier.");
/* TRANSLATORS: avg $.rules[avg.bsn-without-law].step */
N_("Remove the BSN from every place where no law requires it (customer files, order forms).");
/* TRANSLATORS: avg $.rules[avg.id-copies].title */
N_("Copies of identity documents kept without need");
/* TRANSLATORS: avg $.rules[avg.id-copies].risk */
N_("A stolen ID copy is enough for identity fraud.");
/* TRANSLATORS: avg $.rules[avg.id-copies].step */
N_("Only copy an ID where a law requires it, black out the BSN and photo where allowed (the KopieID app of the government does this), and delete the other copies.");
/* TRANSLATORS: avg $.rules[avg.camera-rules].title */
N_("Camera surveillance not announced or images kept too long");
/* TRANSLATORS: avg $.rules[avg.camera-rules].risk */
N_("People have a right to know they are filmed; images kept longer than needed are a risk when they leak.");
/* TRANSLATORS: avg $.rules[avg.camera-rules].step */
N_("Hang a sign at the entrance, set the recorder to delete images after four weeks at most, and point no camera at the street or the staff room.");
/* TRANSLATORS: avg $.rules[avg.monitoring-rules].title */
N_("Employees monitored without telling them or beyond what is needed");
/* TRANSLATORS: avg $.rules[avg.monitoring-rules].risk */
N_("Secret or excessive monitoring is not allowed and damages trust; fingerprints for time registration are almost never allowed.");
/* TRANSLATORS: avg $.rules[avg.monitoring-rules].step */
N_("Write down what is monitored and why, tell the employees, and stop what is not necessary.");
/* TRANSLATORS: avg $.rules[avg.no-dpia].title */
N_("No DPIA for risky processing");
/* TRANSLATORS: avg $.rules[avg.no-dpia].risk */
N_("Without the assessment the company has not weighed the risks for the people involved, which the law requires for these processing types.");
/* TRANSLATORS: avg $.rules[avg.no-dpia].step */
N_("Do a short DPIA with the authority's model or the free CNIL PIA tool; the regional cyber-resilience network or a privacy consultant can help.");
/* TRANSLATORS: avg $.rules[avg.dpo-not-checked].title */
N_("Not checked whether a data protection officer is needed");
/* TRANSLATORS: avg $.rules[avg.dpo-not-checked].risk */
N_("If one is needed and missing, that is a breach of the law.");
/* TRANSLATORS: avg $.rules[avg.dpo-not-checked].step */
N_("Answer the authority's three questions on the DPO page and keep the outcome with the register.");
/* TRANSLATORS: avg $.rules[avg.no-privacy-statement].title */
N_("No complete privacy statement");
/* TRANSLATORS: avg $.rules[avg.no-privacy-statement].risk */
N_("Customers have a right to know what happens with their data; without a statement the company breaks that duty.");
/* TRANSLATORS: avg $.rules[avg.no-privacy-statement].step */
N_("Write a privacy statement with a generator of the sector association or the authority's checklist, and put it on the website and at the counter.");
/* TRANSLATORS: avg $.rules[avg.no-cookie-consent].title */
N_("Tracking cookies placed without consent");
/* TRANSLATORS: avg $.rules[avg.no-cookie-consent].risk */
N_("The telecom authority can fine the company, and visitors are followed without knowing it.");
/* TRANSLATORS: avg $.rules[avg.no-cookie-consent].step */
N_("Ask the web builder for a cookie banner that places nothing before consent, or switch to analytics that needs no consent.");
/* TRANSLATORS: avg $.rules[avg.no-marketing-consent].title */
N_("Marketing mail without consent or without an unsubscribe link");
/* TRANSLATORS: avg $.rules[avg.no-marketing-consent].risk */
N_("Unasked marketing mail is spam under the law and annoys customers.");
/* TRANSLATORS: avg $.rules[avg.no-marketing-consent].step */
N_("Mail only people who opted in or who are customers, and put an unsubscribe link in every newsletter.");
/* TRANSLATORS: avg $.rules[avg.no-rights-procedure].title */
N_("Requests from people about their data cannot be handled in time");
/* TRANSLATORS: avg $.rules[avg.no-rights-procedure].risk */
N_("People have a right to an answer within one month; missing it leads to complaints to the authority.");
/* TRANSLATORS: avg $.rules[avg.no-rights-procedure].step */
N_("Name one person who handles such requests, and write down in the register where data about one person can be found.");
/* TRANSLATORS: avg $.rules[avg.no-processor-agreement].title */
N_("No processor agreement with every supplier that handles personal data");
/* TRANSLATORS: avg $.rules[avg.no-processor-agreement].risk */
N_("Without an agreement the company cannot hold its IT supplier or cloud service to keeping the data safe.");
/* TRANSLATORS: avg $.rules[avg.no-processor-agreement].step */
N_("List the suppliers that handle personal data and sign the model processor agreement (for example the one from Nederland ICT) with each, starting with the IT supplier.");
/* TRANSLATORS: avg $.rules[avg.unsafe-transfer].title */
N_("Personal data goes outside the EU without safeguards");
/* TRANSLATORS: avg $.rules[avg.unsafe-transfer].risk */
N_("Outside the EU the data may not be protected as the law requires.");
/* TRANSLATORS: avg $.rules[avg.unsafe-transfer].step */
N_("Check for each service whether it is on the Data Privacy Framework list or offers standard contractual clauses; otherwise choose an EU service.");
/* TRANSLATORS: avg $.rules[avg.no-retention-periods].title */
N_("No retention periods, or data not deleted when they end");
/* TRANSLATORS: avg $.rules[avg.no-retention-periods].risk */
N_("Data kept longer than needed can still leak and is not allowed.");
/* TRANSLATORS: avg $.rules[avg.no-retention-periods].step */
N_("Write a retention period per purpose in the register (fiscal records seven years) and plan a yearly clean-up.");
/* TRANSLATORS: avg $.rules[avg.no-breach-procedure].title */
N_("No data breach procedure or register");
/* TRANSLATORS: avg $.rules[avg.no-breach-procedure].risk */
N_("A breach reported late or not at all can lead to a fine, and the people affected cannot protect themselves.");
/* TRANSLATORS: avg $.rules[avg.no-breach-procedure].step */
N_("Write a one-page breach procedure (who to tell, report to the authority within 72 hours) and keep a breach register, for example the authority's model; tell all staff.");
/* TRANSLATORS: avg $.rules[avg.weak-security].title */
N_("Personal data not protected with suitable security");
/* TRANSLATORS: avg $.rules[avg.weak-security].risk */
N_("Weak security is the most common cause of data breaches in small companies.");
/* TRANSLATORS: avg $.rules[avg.weak-security].step */
N_("Follow the advice of the access-control and patching parts of this report; the IT supplier can do most of it.");
/* TRANSLATORS: avg $.rules[avg.no-need-to-know].title */
N_("Employees can reach more personal data than they need");
/* TRANSLATORS: avg $.rules[avg.no-need-to-know].risk */
N_("The more people can open data, the bigger the chance of a leak or misuse.");
/* TRANSLATORS: avg $.rules[avg.no-need-to-know].step */
N_("Put personnel and customer files in folders that only the people who need them can open.");
/* TRANSLATORS: avg $.rules[avg.no-awareness].title */
N_("Employees have not been instructed how to handle personal data");
/* TRANSLATORS: avg $.rules[avg.no-awareness].risk */
N_("Most breaches start with a mistake by someone who did not know better.");
/* TRANSLATORS: avg $.rules[avg.no-awareness].step */
N_("Give a short yearly instruction, for example with the free material of the Digital Trust Center.");
/* TRANSLATORS: avg $.rules[avg.no-privacy-by-design].title */
N_("Privacy not considered when choosing software or ways of working");
/* TRANSLATORS: avg $.rules[avg.no-privacy-by-design].risk */
N_("New systems then collect more data than needed, which is hard to undo later.");
/* TRANSLATORS: avg $.rules[avg.no-privacy-by-design].step */
N_("Add three questions to every purchase: which personal data, is it needed, where is it stored.");
/* TRANSLATORS: avg $.rules[avg.no-secure-disposal].title */
N_("Paper and old devices not destroyed securely");
/* TRANSLATORS: avg $.rules[avg.no-secure-disposal].risk */
N_("Thrown-away paper and old disks are an easy source of personal data for others.");
/* TRANSLATORS: avg $.rules[avg.no-secure-disposal].step */
N_("Use a shredder or a certified destruction service, and have old disks wiped or destroyed with a certificate.");
/* TRANSLATORS: avg $.rules[avg.insecure-sending].title */
N_("Sensitive data sent insecurely");
/* TRANSLATORS: avg $.rules[avg.insecure-sending].risk */
N_("A mail to the wrong address or an intercepted attachment is a data breach.");
/* TRANSLATORS: avg $.rules[avg.insecure-sending].step */
N_("Send sensitive documents through a secure file transfer or encrypted mail service, and check the address before sending.");
/* TRANSLATORS: avg $.rules[avg.no-accountability].title */
N_("No single place where the privacy proof is kept");
/* TRANSLATORS: avg $.rules[avg.no-accountability].risk */
N_("The company must be able to show it complies; scattered papers make that hard at an inspection.");
/* TRANSLATORS: avg $.rules[avg.no-accountability].step */
N_("Make one privacy folder with the register, the processor agreements, the breach register and any DPIA.");
/* TRANSLATORS: avg $.rules[avg.data-unknown].title */
N_("The owner does not know which personal data is kept where");
/* TRANSLATORS: avg $.rules[avg.data-unknown].risk */
N_("What you do not know you have, you cannot protect or delete.");
/* TRANSLATORS: avg $.rules[avg.data-unknown].step */
N_("Walk through the systems with the IT supplier and write down what each holds; this is the start of the register.");
#endif
