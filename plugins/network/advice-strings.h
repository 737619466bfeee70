/* Generated from advice.json by build-aux/questionnaire-strings.py: do not edit.
 * Only for xgettext (never compiled): the texts of the content file. */
#if 0
/* TRANSLATORS: advice.json $.checks.network.telnet-open.title */
N_("Telnet is switched on");
/* TRANSLATORS: advice.json $.checks.network.telnet-open.severity_reason */
N_("Telnet sends the password as readable text over the network, and devices with Telnet often still have their factory password.");
/* TRANSLATORS: advice.json $.checks.network.telnet-open.risk */
N_("Anyone on the network can read the password when someone logs in, and take over the device.");
/* TRANSLATORS: advice.json $.checks.network.telnet-open.step */
N_("Switch Telnet off in the device's settings. If the device needs remote management, use SSH or its web page over https instead.");
/* TRANSLATORS: advice.json $.checks.network.ftp-anonymous.title */
N_("Anyone can log in to the FTP server without a password");
/* TRANSLATORS: advice.json $.checks.network.ftp-anonymous.severity_reason */
N_("We logged in as “anonymous” ourselves: every file on that FTP server can be read, and perhaps changed, by anyone on the network.");
/* TRANSLATORS: advice.json $.checks.network.ftp-anonymous.risk */
N_("Files on this server can be read or replaced by anyone on the network, without a password.");
/* TRANSLATORS: advice.json $.checks.network.ftp-anonymous.step */
N_("Switch anonymous login off in the FTP server's settings, and check which files were on it.");
/* TRANSLATORS: advice.json $.checks.network.ftp-open.title */
N_("An FTP server is running");
/* TRANSLATORS: advice.json $.checks.network.ftp-open.severity_reason */
N_("FTP sends passwords and files as readable text; the risk depends on what is on the server.");
/* TRANSLATORS: advice.json $.checks.network.ftp-open.risk */
N_("Passwords and files sent to this server can be read by anyone who can listen on the network.");
/* TRANSLATORS: advice.json $.checks.network.ftp-open.step */
N_("Switch FTP off if nobody uses it. Otherwise move to SFTP or FTPS, so that passwords and files travel encrypted.");
/* TRANSLATORS: advice.json $.checks.network.smbv1.title */
N_("File sharing still speaks the old SMB1 protocol");
/* TRANSLATORS: advice.json $.checks.network.smbv1.severity_reason */
N_("SMB1 has known flaws that ransomware such as WannaCry used to spread through whole networks; it has been switched off by default since 2017.");
/* TRANSLATORS: advice.json $.checks.network.smbv1.risk */
N_("Ransomware can use this old protocol to spread from one infected computer to this one.");
/* TRANSLATORS: advice.json $.checks.network.smbv1.step */
N_("Switch SMB1 off on this computer or NAS (Windows: “Turn Windows features on or off”, untick SMB 1.0/CIFS). Replace devices that only speak SMB1.");
/* TRANSLATORS: advice.json $.checks.network.rdp-exposed.title */
N_("Remote Desktop is open on the network");
/* TRANSLATORS: advice.json $.checks.network.rdp-exposed.severity_reason */
N_("Remote Desktop is a common way in for attackers who guess or steal a password; inside the office the risk is smaller than from the internet.");
/* TRANSLATORS: advice.json $.checks.network.rdp-exposed.risk */
N_("Someone who guesses or steals a password can work on this computer as if they were sitting at it.");
/* TRANSLATORS: advice.json $.checks.network.rdp-exposed.step */
N_("Switch Remote Desktop off where nobody uses it. Where it is needed, allow it only from the computers that need it and require Network Level Authentication and strong passwords.");
/* TRANSLATORS: advice.json $.checks.network.vnc-open.title */
N_("Screen sharing (VNC) is open on the network");
/* TRANSLATORS: advice.json $.checks.network.vnc-open.severity_reason */
N_("VNC gives control of the screen; it often has a weak password or none, and it is rarely encrypted.");
/* TRANSLATORS: advice.json $.checks.network.vnc-open.risk */
N_("Someone on the network may watch or control this computer's screen.");
/* TRANSLATORS: advice.json $.checks.network.vnc-open.step */
N_("Switch VNC off, or allow it only from the IT supplier's computer and set a strong password.");
/* TRANSLATORS: advice.json $.checks.network.database-exposed.title */
N_("A database can be reached over the network");
/* TRANSLATORS: advice.json $.checks.network.database-exposed.severity_reason */
N_("A database holds the company's data; it should only be reachable by the program that uses it.");
/* TRANSLATORS: advice.json $.checks.network.database-exposed.risk */
N_("Anyone on the network can try to log in to the database and read or change customer data.");
/* TRANSLATORS: advice.json $.checks.network.database-exposed.step */
N_("Let the database listen only on the computer itself (or only for the program that needs it), and block the port in the firewall.");
/* TRANSLATORS: advice.json $.checks.network.snmp-public.title */
N_("A device answers to the default SNMP password “public”");
/* TRANSLATORS: advice.json $.checks.network.snmp-public.severity_reason */
N_("With the factory community string anyone on the network can read the device's configuration; some devices also accept changes.");
/* TRANSLATORS: advice.json $.checks.network.snmp-public.risk */
N_("Anyone on the network can read how this device is set up, which helps an attacker plan the next step.");
/* TRANSLATORS: advice.json $.checks.network.snmp-public.step */
N_("Switch SNMP off if nothing uses it; otherwise change the community string “public” to a long secret one, or move to SNMPv3.");
/* TRANSLATORS: advice.json $.checks.network.upnp-exposed.title */
N_("A device offers UPnP");
/* TRANSLATORS: advice.json $.checks.network.upnp-exposed.severity_reason */
N_("UPnP lets programs on the network open ports in the router without asking; malware uses it to make itself reachable from the internet.");
/* TRANSLATORS: advice.json $.checks.network.upnp-exposed.risk */
N_("A program on the network can open the company to the internet without anyone noticing.");
/* TRANSLATORS: advice.json $.checks.network.upnp-exposed.step */
N_("Switch UPnP off in the router and on other devices that offer it.");
/* TRANSLATORS: advice.json $.checks.network.admin-web-page.title */
N_("A device's management page is open on the network");
/* TRANSLATORS: advice.json $.checks.network.admin-web-page.severity_reason */
N_("Management pages of routers, NAS devices and printers often keep the factory password; we recognised the page from its title or server name only.");
/* TRANSLATORS: advice.json $.checks.network.admin-web-page.risk */
N_("Anyone on the network can try the factory password and change the device's settings.");
/* TRANSLATORS: advice.json $.checks.network.admin-web-page.step */
N_("Check that the factory password was changed, keep the device's software up to date, and allow the management page only from the office manager's or supplier's computer.");
/* TRANSLATORS: advice.json $.checks.network.tls-old.title */
N_("A service still uses old encryption (TLS 1.0 or 1.1)");
/* TRANSLATORS: advice.json $.checks.network.tls-old.severity_reason */
N_("TLS 1.0 and 1.1 are retired (RFC 8996) and rated insufficient in the NCSC TLS guidelines.");
/* TRANSLATORS: advice.json $.checks.network.tls-old.risk */
N_("Encrypted connections to this service are weaker than they should be and may be broken.");
/* TRANSLATORS: advice.json $.checks.network.tls-old.step */
N_("Update the service or device and set it to TLS 1.2 and 1.3 only.");
/* TRANSLATORS: advice.json $.checks.network.tls-cert-expired.title */
N_("A certificate has expired");
/* TRANSLATORS: advice.json $.checks.network.tls-cert-expired.severity_reason */
N_("People learn to click away the warning an expired certificate gives, and then do not notice a real attack.");
/* TRANSLATORS: advice.json $.checks.network.tls-cert-expired.risk */
N_("Users get used to clicking away security warnings, so a real attack goes unnoticed.");
/* TRANSLATORS: advice.json $.checks.network.tls-cert-expired.step */
N_("Renew the certificate, and set a reminder (or automatic renewal) before it expires again.");
/* TRANSLATORS: advice.json $.checks.network.tls-cert-self-signed.title */
N_("A service uses a self-made certificate");
/* TRANSLATORS: advice.json $.checks.network.tls-cert-self-signed.severity_reason */
N_("Common for devices inside the office; it trains users to accept certificate warnings.");
/* TRANSLATORS: advice.json $.checks.network.tls-cert-self-signed.risk */
N_("Users cannot tell the real device from a fake one, and learn to click away warnings.");
/* TRANSLATORS: advice.json $.checks.network.tls-cert-self-signed.step */
N_("Where people log in through this page, install a certificate from the company's own or a public certificate authority.");
/* TRANSLATORS: advice.json $.checks.network.scan-incomplete.title */
N_("The network scan did not finish");
/* TRANSLATORS: advice.json $.checks.network.scan-incomplete.severity_reason */
N_("Only part of the network was scanned; devices may be missing from the results.");
/* TRANSLATORS: advice.json $.checks.network.scan-incomplete.risk */
N_("Problems on devices that were not scanned are not in this report.");
/* TRANSLATORS: advice.json $.checks.network.scan-incomplete.step */
N_("Run the network scan again before the report is signed.");
#endif
