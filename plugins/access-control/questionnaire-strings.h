/* Generated from questionnaire.json by build-aux/questionnaire-strings.py: do not edit.
 * Only for xgettext (never compiled): the texts of the content file. */
#if 0
/* TRANSLATORS: access-control $.title */
N_("Access control");
/* TRANSLATORS: access-control $.intro */
N_("Ask these questions of the owner and the IT supplier. Four questions are knock-outs: failing one makes this part red.");
/* TRANSLATORS: access-control $.sections[accounts].title */
N_("Accounts");
/* TRANSLATORS: access-control $.sections[accounts].questions[personal-accounts].text */
N_("Does everyone log in with a personal account (no shared logins)?");
/* TRANSLATORS: access-control $.sections[accounts].questions[personal-accounts].help */
N_("Ask about the till, the shared mailbox and the office computer. 'Partly' when some logins are shared.");
/* TRANSLATORS: access-control $.sections[accounts].questions[joiners-leavers].text */
N_("When someone joins or leaves, are accounts created and removed the same day?");
/* TRANSLATORS: access-control $.sections[accounts].questions[dormant].text */
N_("Are accounts that are no longer used switched off?");
/* TRANSLATORS: access-control $.sections[accounts].questions[admin-separate].text */
N_("Do administrators use a separate account for administration work?");
/* TRANSLATORS: access-control $.sections[accounts].questions[few-admins].text */
N_("Do only the people who need it have administrator rights?");
/* TRANSLATORS: access-control $.sections[accounts].questions[few-admins].help */
N_("Employees should not be administrator on their own laptop for daily work.");
/* TRANSLATORS: access-control $.sections[mfa].title */
N_("Multi-factor authentication and passwords");
/* TRANSLATORS: access-control $.sections[mfa].questions[mfa-cloud].text */
N_("Is multi-factor authentication on for mail and every cloud service?");
/* TRANSLATORS: access-control $.sections[mfa].questions[mfa-cloud].help */
N_("A knock-out: 'partly' (only some services) counts as failed. Ask to see the sign-in settings of the mail.");
/* TRANSLATORS: access-control $.sections[mfa].questions[mfa-remote].text */
N_("Is multi-factor authentication required for remote access (VPN, remote desktop)?");
/* TRANSLATORS: access-control $.sections[mfa].questions[mfa-admin].text */
N_("Do administrator accounts use multi-factor authentication?");
/* TRANSLATORS: access-control $.sections[mfa].questions[passwords].text */
N_("Are there password rules (long passphrases) and is a password manager used?");
/* TRANSLATORS: access-control $.sections[mfa].questions[default-passwords].text */
N_("Have the default passwords of the router, NAS, printer and cameras been changed?");
/* TRANSLATORS: access-control $.sections[mfa].questions[default-passwords].help */
N_("A knock-out. Ask who set the devices up; a sticker with the password on the device usually means it was never changed.");
/* TRANSLATORS: access-control $.sections[mfa].questions[lockout].text */
N_("Are accounts locked for a while after several failed logins?");
/* TRANSLATORS: access-control $.sections[mfa].questions[screen-lock].text */
N_("Do screens lock automatically when nobody uses them?");
/* TRANSLATORS: access-control $.sections[network].title */
N_("Network and remote access");
/* TRANSLATORS: access-control $.sections[network].questions[file-shares].text */
N_("Can people open only the shared folders they need?");
/* TRANSLATORS: access-control $.sections[network].questions[wifi].text */
N_("Is the Wi-Fi protected with WPA2 or WPA3, with a separate guest network?");
/* TRANSLATORS: access-control $.sections[network].questions[no-exposed-admin].text */
N_("Are remote desktop, file sharing and admin pages unreachable from the internet?");
/* TRANSLATORS: access-control $.sections[network].questions[no-exposed-admin].help */
N_("A knock-out. Ask whether ports are forwarded on the router; the network scan shows what is open inside.");
/* TRANSLATORS: access-control $.sections[network].questions[supplier-access].text */
N_("Is the IT supplier's remote access switched on only when needed, with its own account?");
/* TRANSLATORS: access-control $.sections[network].questions[login-logging].text */
N_("Are logins recorded, and does someone look at failed or strange logins?");
/* TRANSLATORS: access-control $.sections[devices].title */
N_("Devices and the building");
/* TRANSLATORS: access-control $.sections[devices].questions[mobile].text */
N_("Do phones and tablets with business mail have a PIN, encryption and remote wipe?");
/* TRANSLATORS: access-control $.sections[devices].questions[physical].text */
N_("Is the server or network cabinet locked, out of reach of visitors?");
/* TRANSLATORS: access-control $.rules[access-control.shared-accounts].title */
N_("Shared logins in use");
/* TRANSLATORS: access-control $.rules[access-control.shared-accounts].risk */
N_("With shared logins nobody can tell who did what, and a leaver still knows the password.");
/* TRANSLATORS: access-control $.rules[access-control.shared-accounts].step */
N_("Give everyone a personal account, also for the till and the mailbox; shared mailboxes can be opened from personal accounts.");
/* TRANSLATORS: access-control $.rules[access-control.no-leaver-process].title */
N_("Accounts of leavers not removed in time");
/* TRANSLATORS: access-control $.rules[access-control.no-leaver-process].risk */
N_("A former employee can still log in and take or damage data.");
/* TRANSLATORS: access-control $.rules[access-control.no-leaver-process].step */
N_("Make a short checklist for joining and leaving (accounts, keys, phone) and tick it off on the first and last day.");
/* TRANSLATORS: access-control $.rules[access-control.dormant-accounts].title */
N_("Unused accounts still active");
/* TRANSLATORS: access-control $.rules[access-control.dormant-accounts].risk */
N_("Forgotten accounts are an easy way in because nobody notices their use.");
/* TRANSLATORS: access-control $.rules[access-control.dormant-accounts].step */
N_("Check the list of accounts every quarter and switch off those not used for 45 days.");
/* TRANSLATORS: access-control $.rules[access-control.no-separate-admin].title */
N_("Administration done with everyday accounts");
/* TRANSLATORS: access-control $.rules[access-control.no-separate-admin].risk */
N_("A phishing mail opened by an administrator account gives the attacker full control.");
/* TRANSLATORS: access-control $.rules[access-control.no-separate-admin].step */
N_("Create separate administrator accounts and use them only for administration.");
/* TRANSLATORS: access-control $.rules[access-control.too-many-admins].title */
N_("Too many people have administrator rights");
/* TRANSLATORS: access-control $.rules[access-control.too-many-admins].risk */
N_("Malware started by any of them can take over the computer or the network.");
/* TRANSLATORS: access-control $.rules[access-control.too-many-admins].step */
N_("Remove administrator rights from everyday accounts; the IT supplier installs software when needed.");
/* TRANSLATORS: access-control $.rules[access-control.no-mfa-cloud].title */
N_("Multi-factor authentication missing on mail or cloud services");
/* TRANSLATORS: access-control $.rules[access-control.no-mfa-cloud].risk */
N_("A single stolen password gives access to all mail and files; this is the most common break-in at small companies.");
/* TRANSLATORS: access-control $.rules[access-control.no-mfa-cloud].step */
N_("Switch on multi-factor authentication (an app on the phone) for the mail and every cloud service, starting today with the mail.");
/* TRANSLATORS: access-control $.rules[access-control.no-mfa-remote].title */
N_("Remote access without multi-factor authentication");
/* TRANSLATORS: access-control $.rules[access-control.no-mfa-remote].risk */
N_("Attackers try stolen passwords on remote access all day; without a second step one leaked password is enough.");
/* TRANSLATORS: access-control $.rules[access-control.no-mfa-remote].step */
N_("Ask the IT supplier to require multi-factor authentication on the VPN and remote desktop, or to switch them off.");
/* TRANSLATORS: access-control $.rules[access-control.no-mfa-admin].title */
N_("Administrator accounts without multi-factor authentication");
/* TRANSLATORS: access-control $.rules[access-control.no-mfa-admin].risk */
N_("A stolen administrator password gives control over everything.");
/* TRANSLATORS: access-control $.rules[access-control.no-mfa-admin].step */
N_("Switch on multi-factor authentication for every administrator account.");
/* TRANSLATORS: access-control $.rules[access-control.weak-passwords].title */
N_("No password rules or password manager");
/* TRANSLATORS: access-control $.rules[access-control.weak-passwords].risk */
N_("Short or reused passwords are guessed or leak through other websites.");
/* TRANSLATORS: access-control $.rules[access-control.weak-passwords].step */
N_("Agree on passphrases of at least four words and give everyone a password manager.");
/* TRANSLATORS: access-control $.rules[access-control.default-passwords].title */
N_("Default passwords not changed on devices");
/* TRANSLATORS: access-control $.rules[access-control.default-passwords].risk */
N_("Default passwords are published on the internet; anyone on the network can take over the device.");
/* TRANSLATORS: access-control $.rules[access-control.default-passwords].step */
N_("Change the password of the router, NAS, printer and cameras into a long unique one and keep it in the password manager.");
/* TRANSLATORS: access-control $.rules[access-control.no-lockout].title */
N_("No lock-out after failed logins");
/* TRANSLATORS: access-control $.rules[access-control.no-lockout].risk */
N_("Without it a program can try passwords endlessly.");
/* TRANSLATORS: access-control $.rules[access-control.no-lockout].step */
N_("Set a lock-out of some minutes after ten failed logins.");
/* TRANSLATORS: access-control $.rules[access-control.no-screen-lock].title */
N_("Screens do not lock automatically");
/* TRANSLATORS: access-control $.rules[access-control.no-screen-lock].risk */
N_("A visitor or cleaner can use an unattended computer.");
/* TRANSLATORS: access-control $.rules[access-control.no-screen-lock].step */
N_("Set the screen lock to five minutes and teach staff to press Windows+L when they walk away.");
/* TRANSLATORS: access-control $.rules[access-control.open-shares].title */
N_("Shared folders open to everyone");
/* TRANSLATORS: access-control $.rules[access-control.open-shares].risk */
N_("Anyone, or ransomware on any computer, can read or encrypt all files.");
/* TRANSLATORS: access-control $.rules[access-control.open-shares].step */
N_("Give each shared folder only the people who need it.");
/* TRANSLATORS: access-control $.rules[access-control.weak-wifi].title */
N_("Wi-Fi weakly protected or guests on the business network");
/* TRANSLATORS: access-control $.rules[access-control.weak-wifi].risk */
N_("Guests or neighbours can reach the computers, printer and NAS.");
/* TRANSLATORS: access-control $.rules[access-control.weak-wifi].step */
N_("Use WPA2 or WPA3 with a long password and put guests on a separate guest network.");
/* TRANSLATORS: access-control $.rules[access-control.exposed-services].title */
N_("Remote desktop, file sharing or admin pages reachable from the internet");
/* TRANSLATORS: access-control $.rules[access-control.exposed-services].risk */
N_("These are scanned and attacked automatically every day; ransomware often enters this way.");
/* TRANSLATORS: access-control $.rules[access-control.exposed-services].step */
N_("Close the forwarded ports on the router and use a VPN with multi-factor authentication instead.");
/* TRANSLATORS: access-control $.rules[access-control.supplier-access].title */
N_("IT supplier's remote access always on or shared");
/* TRANSLATORS: access-control $.rules[access-control.supplier-access].risk */
N_("If the supplier is hacked, the attacker reaches the company too.");
/* TRANSLATORS: access-control $.rules[access-control.supplier-access].step */
N_("Agree that remote access is switched on per visit, with a personal account for each technician.");
/* TRANSLATORS: access-control $.rules[access-control.no-login-logging].title */
N_("Logins not recorded or never looked at");
/* TRANSLATORS: access-control $.rules[access-control.no-login-logging].risk */
N_("A break-in goes unnoticed for months.");
/* TRANSLATORS: access-control $.rules[access-control.no-login-logging].step */
N_("Switch on sign-in alerts of the mail service and have the IT supplier check the logs monthly.");
/* TRANSLATORS: access-control $.rules[access-control.mobile-unprotected].title */
N_("Phones and tablets with business data unprotected");
/* TRANSLATORS: access-control $.rules[access-control.mobile-unprotected].risk */
N_("A lost phone gives the finder the business mail.");
/* TRANSLATORS: access-control $.rules[access-control.mobile-unprotected].step */
N_("Set a PIN on every device, switch on encryption and 'find my device' so it can be wiped.");
/* TRANSLATORS: access-control $.rules[access-control.cabinet-open].title */
N_("Server or network cabinet not locked");
/* TRANSLATORS: access-control $.rules[access-control.cabinet-open].risk */
N_("Anyone passing by can unplug, steal or tap the equipment.");
/* TRANSLATORS: access-control $.rules[access-control.cabinet-open].step */
N_("Put the equipment in a locked cabinet or room.");
#endif
