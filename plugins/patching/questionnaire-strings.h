/* Generated from questionnaire.json by build-aux/questionnaire-strings.py: do not edit.
 * Only for xgettext (never compiled): the texts of the content file. */
#if 0
/* TRANSLATORS: patching $.title */
N_("Software patching");
/* TRANSLATORS: patching $.intro */
N_("Ask the owner or the IT supplier how the company keeps its devices and software up to date. The versions seen on the network and in the software lists are checked separately against the end-of-life data.");
/* TRANSLATORS: patching $.sections[overview].title */
N_("Overview and operating systems");
/* TRANSLATORS: patching $.sections[overview].questions[inventory].text */
N_("Is there an up-to-date list of all devices and the software on them?");
/* TRANSLATORS: patching $.sections[overview].questions[inventory].help */
N_("Ask to see it. Partly when it exists but misses devices such as the NAS, the printer or phones.");
/* TRANSLATORS: patching $.sections[overview].questions[os-supported].text */
N_("Does every computer and server run an operating system that still gets security updates?");
/* TRANSLATORS: patching $.sections[overview].questions[os-supported].help */
N_("A knock-out. Windows 10 (without paid extended updates), Windows 7/8.1 and Windows Server 2012 no longer get updates; compare with the software list and the scan.");
/* TRANSLATORS: patching $.sections[overview].questions[auto-os-updates].text */
N_("Are operating system updates installed automatically?");
/* TRANSLATORS: patching $.sections[overview].questions[auto-os-updates].help */
N_("Yes when Windows Update or macOS updates run on their own on every device, or the IT supplier pushes them centrally.");
/* TRANSLATORS: patching $.sections[overview].questions[app-updates].text */
N_("Are applications (browser, Office, PDF reader) updated automatically or regularly?");
/* TRANSLATORS: patching $.sections[overview].questions[app-updates].help */
N_("Ask how the browser and Office get updated. Partly when only some programs are.");
/* TRANSLATORS: patching $.sections[speed].title */
N_("Speed and responsibility");
/* TRANSLATORS: patching $.sections[speed].questions[critical-14-days].text */
N_("Are critical and high-risk security updates installed within 14 days?");
/* TRANSLATORS: patching $.sections[speed].questions[critical-14-days].help */
N_("A knock-out. Ask what happened with the last urgent update, and how long it took.");
/* TRANSLATORS: patching $.sections[speed].questions[unsupported-removed].text */
N_("Is software that no longer gets updates removed or replaced?");
/* TRANSLATORS: patching $.sections[speed].questions[unsupported-removed].help */
N_("Think of old accounting software, Java, Flash or a program nobody uses any more.");
/* TRANSLATORS: patching $.sections[speed].questions[internet-first].text */
N_("Are systems reachable from the internet (website, mail, VPN, firewall) updated first?");
/* TRANSLATORS: patching $.sections[speed].questions[internet-first].help */
N_("These are attacked first; ask who watches their updates.");
/* TRANSLATORS: patching $.sections[speed].questions[patch-agreement].text */
N_("Is there a written agreement with the IT supplier on who installs updates, and how fast?");
/* TRANSLATORS: patching $.sections[speed].questions[patch-agreement].help */
N_("Yes when the contract or service agreement names patching and a time limit.");
/* TRANSLATORS: patching $.sections[speed].questions[vulnerability-alerts].text */
N_("Does someone follow security warnings for the software the company uses?");
/* TRANSLATORS: patching $.sections[speed].questions[vulnerability-alerts].help */
N_("For example the IT supplier, the vendor's mailing list or the NCSC's advisories.");
/* TRANSLATORS: patching $.sections[devices].title */
N_("Devices and services");
/* TRANSLATORS: patching $.sections[devices].questions[firmware].text */
N_("Is the firmware of the router, firewall, NAS and printer kept up to date?");
/* TRANSLATORS: patching $.sections[devices].questions[firmware].help */
N_("Ask when it was last updated, and who does it. Partly when only some devices are.");
/* TRANSLATORS: patching $.sections[devices].questions[server-software].text */
N_("Is server software (web server, mail, database, PHP, CMS) kept up to date?");
/* TRANSLATORS: patching $.sections[devices].questions[server-software].help */
N_("Not applicable when the company runs no servers of its own.");
/* TRANSLATORS: patching $.sections[devices].questions[cms-updates].text */
N_("Are the website's CMS and its plugins updated automatically or quickly?");
/* TRANSLATORS: patching $.sections[devices].questions[cms-updates].help */
N_("For WordPress and the like: ask the web builder or hoster. Not applicable without a CMS.");
/* TRANSLATORS: patching $.sections[devices].questions[mobile-updates].text */
N_("Do phones and tablets used for work get their updates?");
/* TRANSLATORS: patching $.sections[devices].questions[mobile-updates].help */
N_("Old phones stop getting updates; ask for the models.");
/* TRANSLATORS: patching $.sections[devices].questions[antimalware-updates].text */
N_("Does anti-malware software update itself on every computer?");
/* TRANSLATORS: patching $.sections[devices].questions[antimalware-updates].help */
N_("Microsoft Defender counts when it is on and up to date.");
/* TRANSLATORS: patching $.sections[devices].questions[remote-tools].text */
N_("Are remote-support tools (TeamViewer, AnyDesk and the like) current, and removed where not used?");
/* TRANSLATORS: patching $.sections[devices].questions[remote-tools].help */
N_("Old remote-support tools are a common way in.");
/* TRANSLATORS: patching $.sections[devices].questions[backups-tested].text */
N_("Is restoring from the backup tested, so a failed update can be undone?");
/* TRANSLATORS: patching $.sections[devices].questions[backups-tested].help */
N_("Yes when a restore was tried in the last three months.");
/* TRANSLATORS: patching $.rules[patching.os-unsupported-stated].title */
N_("Not every computer runs a supported operating system");
/* TRANSLATORS: patching $.rules[patching.os-unsupported-stated].risk */
N_("Computers without security updates stay open to every new attack.");
/* TRANSLATORS: patching $.rules[patching.os-unsupported-stated].step */
N_("List the computers with an old operating system and upgrade or replace them; buy paid extended updates only as a stopgap.");
/* TRANSLATORS: patching $.rules[patching.no-automatic-updates].title */
N_("Updates are not installed automatically");
/* TRANSLATORS: patching $.rules[patching.no-automatic-updates].risk */
N_("Updates that wait for someone to install them are forgotten, and holes stay open.");
/* TRANSLATORS: patching $.rules[patching.no-automatic-updates].step */
N_("Switch on automatic updates on every computer, or have the IT supplier push them centrally.");
/* TRANSLATORS: patching $.rules[patching.slow-critical-updates].title */
N_("Urgent security updates take longer than 14 days");
/* TRANSLATORS: patching $.rules[patching.slow-critical-updates].risk */
N_("Attackers use a published hole within days; a late update leaves the door open.");
/* TRANSLATORS: patching $.rules[patching.slow-critical-updates].step */
N_("Agree with the IT supplier that critical updates are installed within 14 days, and check it monthly.");
/* TRANSLATORS: patching $.rules[patching.unsupported-software-kept].title */
N_("Software without updates is still in use");
/* TRANSLATORS: patching $.rules[patching.unsupported-software-kept].risk */
N_("Software that gets no updates stays open to every new hole.");
/* TRANSLATORS: patching $.rules[patching.unsupported-software-kept].step */
N_("Remove software that is no longer supported, or replace it with a supported version.");
/* TRANSLATORS: patching $.rules[patching.firmware-not-updated].title */
N_("Firmware of network devices is not kept up to date");
/* TRANSLATORS: patching $.rules[patching.firmware-not-updated].risk */
N_("Routers, firewalls and NAS devices are attacked directly from the internet.");
/* TRANSLATORS: patching $.rules[patching.firmware-not-updated].step */
N_("Have the IT supplier update the firmware of the router, firewall, NAS and printer, and switch on automatic updates where they exist.");
/* TRANSLATORS: patching $.rules[patching.cms-not-updated].title */
N_("The website's CMS or plugins are not updated quickly");
/* TRANSLATORS: patching $.rules[patching.cms-not-updated].risk */
N_("Outdated website plugins are one of the most common ways websites are broken into.");
/* TRANSLATORS: patching $.rules[patching.cms-not-updated].step */
N_("Switch on automatic updates for the CMS and its plugins, or agree a fixed update moment with the web builder.");
/* TRANSLATORS: patching $.rules[patching.no-patch-agreement].title */
N_("No agreement with the IT supplier about updates");
/* TRANSLATORS: patching $.rules[patching.no-patch-agreement].risk */
N_("Nobody feels responsible, so updates are left undone.");
/* TRANSLATORS: patching $.rules[patching.no-patch-agreement].step */
N_("Add to the agreement with the IT supplier who installs updates, and within how many days.");
#endif
