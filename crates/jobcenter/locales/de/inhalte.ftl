## Help and legal pages: one paragraph per line of the body.
page-hilfe-title = Hilfe
page-hilfe-body =
    Hier finden Sie Antworten auf häufige Fragen zur Anmeldung bei Jobcenter Digital.
    Wählen Sie ein Thema. Wenn Sie nicht weiterkommen, hilft Ihnen Ihr Jobcenter gern persönlich oder am Telefon.
page-hilfe-anmeldung-title = Hilfe bei Problemen rund um die Anmeldung
page-hilfe-anmeldung-body =
    Sie haben Ihr Passwort vergessen? Wählen Sie auf der Anmeldeseite „Passwort vergessen“. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort festlegen. Der Link gilt eine Stunde.
    Sie wissen nicht mehr, mit welcher E-Mail-Adresse oder welchem Benutzernamen Sie sich registriert haben? Wählen Sie „Benutzername / E-Mail-Adresse vergessen“.
    Sie haben keine Bestätigungs-E-Mail erhalten? Prüfen Sie den Spam-Ordner. Auf der Seite „Neuen Bestätigungslink anfordern“ können Sie einen neuen Link anfordern. Unbestätigte Registrierungen werden nach 7 Tagen gelöscht.
    Nach mehreren falschen Versuchen wird die Anmeldung aus Sicherheitsgründen für 15 Minuten gesperrt. Warten Sie bitte und versuchen Sie es dann erneut.
    Nach 30 Minuten ohne Aktivität werden Sie automatisch abgemeldet. Die verbleibende Zeit sehen Sie oben auf jeder Seite; mit „Sitzung verlängern“ bleiben Sie angemeldet.
    Wenn Sie Ihre Zugangsdaten nicht mehr haben, wenden Sie sich mit Ihrem Ausweis an eine Mitarbeiterin oder einen Mitarbeiter Ihres Jobcenters. Dort kann Ihr Zugang nach einer Prüfung Ihres Ausweises wiederhergestellt werden.
    Unser Servicetelefon erreichen Sie montags bis freitags von 8 bis 18 Uhr. Menschen mit Hörbeeinträchtigungen finden Hinweise auf der Seite „Gebärdensprache“.
page-hilfe-mfa-title = Informationen zur Mehr-Faktor-Authentifizierung
page-hilfe-mfa-body =
    Seit dem 29.04.2025 brauchen Sie für jede Anmeldung im Portal einen zweiten Faktor. So schützen wir Ihre Daten, auch wenn jemand Ihr Passwort kennt.
    Ein zweiter Faktor ist etwas, das nur Sie besitzen: zum Beispiel Ihr Smartphone mit einer Authenticator-App oder ein Passkey auf Ihrem Gerät.
    Nach der ersten Anmeldung führen wir Sie Schritt für Schritt durch die Einrichtung. Zur Wahl stehen die Secure-App, ein zweiter Faktor (TOTP) mit einer Authenticator-App und Passkeys.
    Bewahren Sie die Wiederherstellungscodes, die Sie bei der Einrichtung erhalten, an einem sicheren Ort auf. Mit ihnen kommen Sie in Ihr Konto, wenn Ihr Gerät verloren geht.
page-hilfe-passkeys-title = Hilfe und Informationen zu Passkeys
page-hilfe-passkeys-body =
    Passkeys sind sichere digitale Schlüssel. Sie erstellen sie mit Ihrem Fingerabdruck, Ihrer Gesichtserkennung oder der PIN Ihres Geräts und melden sich damit ohne Benutzername und Passwort an.
    Ein Passkey bleibt auf Ihrem Gerät oder in Ihrem Passwort-Manager. Das Jobcenter erhält nur einen öffentlichen Schlüssel, mit dem sich nichts anfangen lässt, wenn er gestohlen würde.
    Sie können bis zu 10 Passkeys je Konto einrichten, zum Beispiel für Ihr Smartphone und Ihren Computer. In den Kontoeinstellungen können Sie Passkeys umbenennen und löschen.
    Wenn Sie einen Passkey haben, können Sie das Passwort aus Ihrem Konto entfernen. Dann ist eine Anmeldung nur noch mit dem Passkey möglich.
page-hilfe-totp-title = Hilfe und Informationen zum Zweiten Faktor (TOTP)
page-hilfe-totp-body =
    TOTP bedeutet „zeitbasiertes Einmalpasswort“. Eine Authenticator-App oder ein Passwort-Manager erzeugt alle 30 Sekunden einen neuen 6-stelligen Code.
    Geeignet sind gängige Authenticator-Apps und auch Hardware-Schlüssel mit OATH-Funktion.
    Bei der Einrichtung scannen Sie einen QR-Code oder übertragen den angezeigten Schlüssel in die App. Danach geben Sie zur Bestätigung den aktuellen Code ein.
    Bei jeder Anmeldung geben Sie nach dem Passwort den aktuellen Code aus der App ein. Jeder Code gilt nur einmal.
    Achten Sie darauf, dass die Uhrzeit Ihres Smartphones automatisch eingestellt ist. Sonst passen die Codes nicht.
page-datenschutz-title = Datenschutzerklärung
page-datenschutz-body =
    Verantwortlich für die Verarbeitung Ihrer Daten in Jobcenter Digital ist Ihr Jobcenter als gemeinsame Einrichtung nach § 44b SGB II.
    Verarbeitung der Registrierungsdaten: Für Ihr Konto speichern wir Ihre E-Mail-Adresse, auf Wunsch einen Benutzernamen, Ihr Passwort nur als nicht umkehrbaren Hashwert (Argon2id) sowie Zeitpunkt und Fassung Ihrer Zustimmungen. Die E-Mail-Adresse nutzen wir, um Ihre Registrierung zu bestätigen, Ihnen beim Zurücksetzen des Zugangs zu helfen und Sie über sicherheitsrelevante Ereignisse zu informieren.
    Zu Ihrer Sicherheit speichern wir bei Anmeldungen und Änderungen am Konto Zeitpunkt, IP-Adresse und Browser. Diese Einträge sehen Sie selbst unter „Aktive Sitzungen“ und im Verlauf.
    Unbestätigte Registrierungen löschen wir nach 7 Tagen. Wenn Sie Ihr Konto löschen, entfernen wir Ihre Anmeldedaten; Protokolleinträge bleiben nur ohne Bezug zu Ihrer E-Mail-Adresse erhalten.
    Widerrufsmöglichkeit: Ihre Einwilligung in die Verarbeitung der E-Mail-Adresse können Sie jederzeit ohne Angabe von Gründen mit Wirkung für die Zukunft widerrufen, indem Sie Ihr Konto in den Kontoeinstellungen löschen oder sich an Ihr Jobcenter wenden.
    Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie das Recht auf Beschwerde bei der oder dem Bundesbeauftragten für den Datenschutz und die Informationsfreiheit.
    Diese Seite verwendet nur ein technisch notwendiges Sitzungs-Cookie und ein Cookie für die gewählte Sprache. Es gibt keine Werbung und kein Tracking.
page-nutzungsbedingungen-title = Nutzungsbedingungen
page-nutzungsbedingungen-body =
    Jobcenter Digital ist das Online-Angebot Ihres Jobcenters. Die Nutzung ist kostenlos und freiwillig; alle Anliegen können Sie auch persönlich, telefonisch oder schriftlich erledigen.
    Ihr Konto ist persönlich. Geben Sie Ihr Passwort und Ihren zweiten Faktor nicht weiter. Wer für Sie handeln soll, braucht eine Vollmacht und ein eigenes Konto.
    Melden Sie sich nach der Nutzung ab, besonders an fremden Geräten. Nach 30 Minuten ohne Aktivität melden wir Sie automatisch ab.
    Wir dürfen den Zugang vorübergehend sperren, wenn ein Missbrauch vermutet wird, und informieren Sie dann per E-Mail.
    Wir bemühen uns um ständige Erreichbarkeit, können sie aber nicht garantieren. Fristen wahren Sie im Zweifel auch schriftlich oder persönlich.
page-barrierefreiheit-title = Erklärung zur Barrierefreiheit
page-barrierefreiheit-body =
    Jobcenter Digital soll für alle Menschen nutzbar sein. Das Portal wird nach der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und den Web Content Accessibility Guidelines (WCAG 2.1, Stufe AA) gestaltet.
    Jede Seite wird bei jeder Änderung automatisch mit einem Prüfwerkzeug für Barrierefreiheit getestet. Alle Funktionen lassen sich mit der Tastatur bedienen und funktionieren auch ohne JavaScript, außer der Anmeldung mit Passkeys.
    Das Portal ist auf Deutsch, Englisch und Ukrainisch verfügbar. Informationen gibt es auch in Leichter Sprache und in Gebärdensprache.
    Wenn Ihnen Barrieren auffallen, schreiben Sie uns bitte oder rufen Sie uns an. Wir antworten innerhalb von sechs Wochen. Wenn Sie mit der Antwort nicht zufrieden sind, können Sie sich an die Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz wenden.
page-impressum-title = Impressum
page-impressum-body =
    Jobcenter Digital ist ein Angebot der Jobcenter als gemeinsame Einrichtungen der Bundesagentur für Arbeit und der kommunalen Träger nach § 44b SGB II.
    Die Anschrift, die Vertretungsberechtigten und die Aufsichtsbehörde Ihres Jobcenters finden Sie auf dem Schreiben, mit dem Sie Ihren Freischaltcode erhalten haben.
    Dieses Portal befindet sich im Aufbau. Inhalte und Funktionen werden laufend erweitert.
page-leichte-sprache-title = Leichte Sprache
page-leichte-sprache-body =
    Hier erklären wir Jobcenter Digital in Leichter Sprache.
    Jobcenter Digital ist eine Internet-Seite vom Jobcenter.
    Auf der Seite können Sie Sachen mit dem Jobcenter erledigen. Zum Beispiel: Briefe lesen. Termine sehen. Anträge stellen.
    Dafür brauchen Sie ein Konto.
    So bekommen Sie ein Konto: Sie brauchen eine E-Mail-Adresse. Sie denken sich ein Passwort aus. Das Passwort ist geheim. Sie sagen es niemandem.
    Dann bekommen Sie eine E-Mail. In der E-Mail ist ein Link. Sie klicken auf den Link. Dann ist Ihr Konto fertig.
    So melden Sie sich an: Sie schreiben Ihre E-Mail-Adresse und Ihr Passwort. Dann klicken Sie auf „Anmelden“.
    Sie haben das Passwort vergessen? Dann klicken Sie auf „Passwort vergessen“. Sie bekommen eine E-Mail. Dann können Sie ein neues Passwort machen.
    Sie brauchen Hilfe? Dann gehen Sie zu Ihrem Jobcenter. Nehmen Sie Ihren Ausweis mit. Die Menschen im Jobcenter helfen Ihnen.
page-gebaerdensprache-title = Gebärdensprache
page-gebaerdensprache-body =
    Informationen in Deutscher Gebärdensprache (DGS) zu Jobcenter Digital erhalten Sie in Ihrem Jobcenter. Auf Wunsch organisiert Ihr Jobcenter für Termine kostenlos eine Gebärdensprachdolmetscherin oder einen Gebärdensprachdolmetscher.
    Für Fragen zur Anmeldung erreichen Sie unseren Service auch über die Gebärdensprach-Videotelefonie der Bundesagentur für Arbeit sowie per E-Mail und Fax.
    Bitte teilen Sie Ihrem Jobcenter mit, wenn Sie Briefe und Nachrichten in einer für Sie zugänglichen Form erhalten möchten.
