# Back office (ADM-1 … ADM-5, MFA-70, PRF-2, OKO-3)

bo-role-service = Service
bo-role-leistung = Leistung
bo-role-vermittlung = Vermittlung
bo-role-admin = Administration

bo-nav-label = Backoffice
bo-nav-start = Übersicht
bo-nav-search = Kunden suchen
bo-nav-new-client = Kundendatensatz anlegen
bo-nav-print = Druckaufträge
bo-signed-in-as = Angemeldet als { $name }

bo-forbidden-title = Kein Zugriff
bo-forbidden-text = Diese Seite ist Mitarbeiterinnen und Mitarbeitern des Jobcenters mit der passenden Rolle vorbehalten.
bo-forbidden-method = Für das Back Office melden Sie sich bitte mit Passwort und Code (TOTP) oder mit einem Passkey an – nicht mit einem Wiederherstellungscode und nicht mit der Secure-App. Melden Sie sich dazu ab und erneut an.

bo-start-title = Backoffice
bo-start-office = Dienststelle: { $office }
bo-start-roles = Ihre Rollen:

bo-search-title = Kunden suchen
bo-search-label = Kundennummer oder Name
bo-search-hint = Zum Beispiel 123A456789 oder Müller
bo-search-submit = Suchen
bo-search-hits = Treffer: { $count }
bo-search-error-short = Bitte geben Sie mindestens zwei Buchstaben oder Ziffern ein.
bo-search-purpose-note = Die Liste zeigt nur, was zum Unterscheiden nötig ist. Beim Öffnen eines Datensatzes geben Sie den Zweck an; der Zugriff wird protokolliert.

bo-field-kundennummer = Kundennummer
bo-field-name = Name
bo-field-given = Vorname
bo-field-family = Nachname
bo-field-birth = Geburtsdatum
bo-field-birth-hint = Im Format TT.MM.JJJJ, zum Beispiel 12.03.1985
bo-field-street = Straße und Hausnummer
bo-field-postcode = Postleitzahl
bo-field-city = Ort
bo-field-address = Anschrift
bo-field-bg = Nummer der Bedarfsgemeinschaft
bo-field-bg-hint = Zum Beispiel 12345BG1234567
bo-field-office = Dienststelle
bo-field-pap = Persönliche Ansprechperson (Ihr Kontakt)
bo-field-pap-none = Noch keine
bo-field-channel = Kommunikationsweg
bo-field-account = Verknüpftes Konto

bo-new-title = Kundendatensatz anlegen
bo-new-intro = Die Kundennummer wird beim Anlegen vergeben. Alle Felder außer der Ansprechperson sind Pflichtfelder.
bo-new-submit = Kundendatensatz anlegen
bo-new-error-given-empty = Bitte geben Sie den Vornamen ein.
bo-new-error-family-empty = Bitte geben Sie den Nachnamen ein.
bo-new-error-name-chars = Ein Name darf nur Buchstaben, Leerzeichen, Bindestriche, Punkte und Apostrophe enthalten (höchstens 100 Zeichen).
bo-new-error-birth-empty = Bitte geben Sie das Geburtsdatum ein.
bo-new-error-birth-format = Bitte geben Sie das Geburtsdatum im Format TT.MM.JJJJ ein.
bo-new-error-birth-range = Das Geburtsdatum muss in der Vergangenheit und nach dem 01.01.1900 liegen.
bo-new-error-street = Bitte geben Sie Straße und Hausnummer ein (höchstens 200 Zeichen).
bo-new-error-postcode = Bitte geben Sie eine Postleitzahl aus fünf Ziffern ein.
bo-new-error-city = Bitte geben Sie den Ort ein (höchstens 100 Zeichen).
bo-new-error-bg-empty = Bitte geben Sie die Nummer der Bedarfsgemeinschaft ein.
bo-new-error-bg-format = Bitte geben Sie die Nummer der Bedarfsgemeinschaft im Format 12345BG1234567 ein.
bo-new-error-pap = Bitte wählen Sie eine Ansprechperson Ihrer Dienststelle.
bo-new-error-duplicate = Für diese Person besteht bereits ein Kundendatensatz (Kundennummer { $kundennummer }).

bo-purpose-title = Zweck des Zugriffs
bo-purpose-intro = Sie öffnen den Kundendatensatz { $kundennummer }. Jeder Zugriff auf Sozialdaten wird mit Zweck protokolliert.
bo-purpose-label = Zweck
bo-purpose-hint = Wählen Sie den Anlass, aus dem Sie die Daten einsehen.
bo-purpose-choose = Bitte wählen
bo-purpose-submit = Weiter
bo-purpose-error = Bitte wählen Sie einen Zweck aus der Liste.
bo-purpose-vorsprache = Persönliche Vorsprache
bo-purpose-telefon = Telefonische Anfrage
bo-purpose-schriftlich = Schriftliche Anfrage oder Post
bo-purpose-neuanlage = Neuanlage des Kundendatensatzes
bo-purpose-freischaltcode = Ausgabe eines Freischaltcodes
bo-purpose-zugangshilfe = Zugangshilfe
bo-purpose-leistung = Bearbeitung von Leistungen
bo-purpose-vermittlung = Beratung und Vermittlung
bo-purpose-pruefung = Prüfung des Zugriffsprotokolls

bo-record-title = Kundendatensatz
bo-record-purpose = Zweck dieses Zugriffs: { $purpose }
bo-record-more = Weitere Aufgaben
bo-channel-online = Online-Kommunikation aktiviert
bo-channel-paper = Post (keine Online-Kommunikation)
bo-account-none = Noch nicht mit einem Konto verknüpft
bo-pap-heading = Ihr Kontakt
bo-pap-none = Noch keine persönliche Ansprechperson zugeordnet.

bo-code-heading = Freischaltcode
bo-code-none = Es wurde noch kein Freischaltcode ausgegeben.
bo-code-live = Ein Freischaltcode ist gültig bis { $when } Uhr.
bo-code-expired = Der letzte Freischaltcode ist am { $when } Uhr abgelaufen.
bo-code-used = Der letzte Freischaltcode wurde am { $when } Uhr eingelöst.
bo-code-issue-title = Freischaltcode ausstellen
bo-code-intro = Ein neuer Freischaltcode macht einen früheren, noch nicht eingelösten Code ungültig.
bo-code-request = Wie wurde der Freischaltcode angefragt?
bo-code-request-person = Persönlich
bo-code-request-phone = Telefonisch (Versand per Post an die Anschrift)
bo-code-request-online = Online (Versand per Post an die Anschrift)
bo-code-id-checked = Ich habe die Identität anhand eines amtlichen Ausweises geprüft.
bo-code-days = Gültigkeit in Tagen
bo-code-days-hint = Standard: 30 Tage, höchstens 90
bo-code-issue = Freischaltcode ausstellen
bo-code-issued-title = Freischaltcode ausgestellt
bo-code-once = Der Freischaltcode wird nur jetzt angezeigt. Drucken Sie das Schreiben, bevor Sie die Seite verlassen.
bo-code-is = Der Freischaltcode lautet:
bo-code-valid-until = Gültig bis zum { $date }
bo-code-letter = Schreiben herunterladen (PDF)
bo-back-to-record = Zurück zum Kundendatensatz
bo-code-error-request = Bitte wählen Sie aus, wie der Freischaltcode angefragt wurde.
bo-code-error-id = Bitte bestätigen Sie, dass Sie die Identität anhand eines Ausweises geprüft haben.
bo-code-error-days = Bitte geben Sie eine Gültigkeit zwischen 1 und 90 Tagen ein.

bo-access-title = Zugriffsprotokoll
bo-access-when = Zeitpunkt
bo-access-who = Mitarbeiterin oder Mitarbeiter
bo-access-what = Zugriff
bo-access-why = Zweck
bo-what-akte = Kundendatensatz angesehen
bo-what-freischaltcode = Freischaltcode ausgestellt
bo-what-brief = Freischaltcode-Schreiben erstellt
bo-what-zugangshilfe = Zugangshilfe geleistet
bo-what-zugriffsprotokoll = Zugriffsprotokoll angesehen
bo-what-druck = Schreiben als gedruckt markiert

bo-help-title = Zugangshilfe
bo-help-account = Konto: { $email }
bo-help-intro = Wenn die Kundin oder der Kunde die Zugangsdaten nicht mehr hat, können Sie nach Prüfung des Ausweises die zweiten Faktoren zurücksetzen oder Einmal-Zugangsdaten ausstellen. Die Kundin oder der Kunde erhält eine E-Mail.
bo-help-id-checked = Ich habe die Identität anhand eines amtlichen Ausweises geprüft.
bo-help-action = Maßnahme
bo-help-reset = Zweite Faktoren zurücksetzen
bo-help-reset-hint = Entfernt TOTP, Passkeys und Wiederherstellungscodes und beendet alle Sitzungen. Nach der nächsten Anmeldung mit dem Passwort muss ein neuer Faktor eingerichtet werden.
bo-help-one-time = Einmal-Zugangsdaten ausstellen
bo-help-one-time-hint = Wie oben, zusätzlich ersetzt ein Einmal-Passwort das bisherige Passwort. Es gilt für eine Anmeldung; danach muss ein neuer Faktor eingerichtet werden.
bo-help-submit = Zugangshilfe ausführen
bo-help-no-account = Zu diesem Kundendatensatz gehört noch kein Konto. Geben Sie stattdessen einen Freischaltcode aus.
bo-help-error-id = Bitte bestätigen Sie, dass Sie die Identität anhand eines Ausweises geprüft haben.
bo-help-error-action = Bitte wählen Sie eine Maßnahme.
bo-help-done = Die Zugangshilfe wurde ausgeführt. Die Kundin oder der Kunde wurde per E-Mail informiert.

bo-onetime-title = Einmal-Zugangsdaten
bo-onetime-once = Das Einmal-Passwort wird nur jetzt angezeigt. Händigen Sie es der Kundin oder dem Kunden persönlich aus.
bo-onetime-login = Anmeldename
bo-onetime-password = Einmal-Passwort
bo-onetime-valid = Gültig bis
bo-onetime-explain = Mit dem Einmal-Passwort ist genau eine Anmeldung möglich. Danach muss ein neuer zweiter Faktor eingerichtet werden; ein eigenes Passwort wird in den Kontoeinstellungen unter „Passwort ändern“ gesetzt.

bo-print-title = Druckaufträge
bo-print-intro = Schreiben an Kundinnen und Kunden ohne Online-Kommunikation. Sie werden gedruckt und per Post versendet.
bo-print-empty = Es liegen keine offenen Druckaufträge vor.
bo-print-created = Erstellt
bo-print-recipient = Empfänger
bo-print-letter = Schreiben
bo-print-action = Aktion
bo-print-mark = Als gedruckt markieren

mail-access-help-reset-subject = Zweite Faktoren Ihres Kontos zurückgesetzt
mail-access-help-reset-body =
    Guten Tag,

    auf Ihren Wunsch hat Ihr Jobcenter ({ $office }) am { $when } Uhr nach Prüfung Ihres Ausweises die zweiten Faktoren Ihres Kontos zurückgesetzt.

    Bei Ihrer nächsten Anmeldung richten Sie bitte einen neuen zweiten Faktor ein:

    { $login }

    Wenn Sie das nicht veranlasst haben, wenden Sie sich bitte sofort an Ihr Jobcenter.
mail-access-help-one-time-subject = Einmal-Zugangsdaten für Ihr Konto ausgestellt
mail-access-help-one-time-body =
    Guten Tag,

    auf Ihren Wunsch hat Ihr Jobcenter ({ $office }) am { $when } Uhr nach Prüfung Ihres Ausweises Einmal-Zugangsdaten für Ihr Konto ausgestellt. Das Einmal-Passwort haben Sie persönlich erhalten; Ihr bisheriges Passwort und Ihre zweiten Faktoren gelten nicht mehr.

    Melden Sie sich mit dem Einmal-Passwort an und richten Sie danach einen neuen zweiten Faktor ein:

    { $login }

    Wenn Sie das nicht veranlasst haben, wenden Sie sich bitte sofort an Ihr Jobcenter.

# Account history ("Verlauf") entries of back-office actions.
history-access-help-factors-reset = Zugangshilfe: zweite Faktoren vom Jobcenter zurückgesetzt
history-access-help-one-time-access = Zugangshilfe: Einmal-Zugangsdaten vom Jobcenter ausgestellt
history-staff-granted = Rollen im Backoffice erteilt

# Staff of the office (admins).
bo-nav-staff = Mitarbeitende
bo-staff-title = Mitarbeitende der Dienststelle
bo-staff-email = E-Mail-Adresse
bo-staff-roles = Rollen
bo-staff-status = Status
bo-staff-active = aktiv
bo-staff-inactive = deaktiviert
bo-staff-activate = Aktivieren
bo-staff-deactivate = Deaktivieren
bo-staff-new = Mitarbeiterkonto anlegen
bo-staff-new-intro = Das neue Konto erhält Einmal-Zugangsdaten, die Sie persönlich übergeben. Bei der ersten Anmeldung wird ein zweiter Faktor eingerichtet.
bo-staff-name-hint = So sehen Kolleginnen, Kollegen sowie Kundinnen und Kunden den Namen („Ihr Kontakt“).
bo-staff-phone = Telefon
bo-staff-create = Mitarbeiterkonto anlegen
bo-staff-created-title = Mitarbeiterkonto angelegt
bo-staff-back = Zurück zu den Mitarbeitenden
bo-staff-error-email = Bitte geben Sie eine gültige E-Mail-Adresse ein.
bo-staff-error-name = Bitte geben Sie den Namen ein (höchstens 100 Zeichen).
bo-staff-error-roles = Bitte wählen Sie mindestens eine Rolle.
bo-staff-error-exists = Für diese E-Mail-Adresse besteht bereits ein Konto.
history-staff-activated = Mitarbeiterkonto aktiviert
history-staff-deactivated = Mitarbeiterkonto deaktiviert

# Form definitions and their preview (APP-2), for admins.
bo-nav-forms = Formulare
bo-formulare-title = Formulardefinitionen
bo-formulare-intro = Alle gespeicherten Versionen der eServices. Ein Antrag bleibt auf der Version, mit der er begonnen wurde; neue Anträge beginnen auf der aktiven Version.
bo-formulare-titel = Titel
bo-formulare-schluessel = Schlüssel
bo-formulare-version = Version
bo-formulare-stand = Stand
bo-formulare-team = Team
bo-formulare-geladen = Geladen am
bo-formulare-recht = Recht für Vertretungen
bo-formulare-recht-keins = Keines: nur die Kundin oder der Kunde selbst
bo-formulare-stand-entwurf = Entwurf
bo-formulare-stand-live = Aktiv
bo-formulare-stand-archiviert = Archiviert
bo-formulare-cli-titel = Definitionen ändern
bo-formulare-cli-intro = Definitionen werden auf dem Server mit dem Kommandozeilenwerkzeug geladen, aktiviert und archiviert (docs/FORMULARE.md).
bo-formulare-cli-laden = Prüft die Datei und speichert sie als Entwurf; jeder Fehler wird mit seiner Stelle genannt.
bo-formulare-cli-aktivieren = Macht die Version aktiv; die bisher aktive Version wird archiviert.
bo-formulare-cli-archivieren = Archiviert die Version: keine neuen Anträge, begonnene Entwürfe können nicht mehr gesendet werden.
bo-formulare-cli-liste = Zeigt alle gespeicherten Versionen mit ihrem Stand.
bo-formulare-zurueck = Zurück zu den Formulardefinitionen
bo-formulare-vorschau-title = Vorschau: { $titel } (Version { $version })
bo-formulare-vorschau-intro = So sehen Kundinnen und Kunden die Schritte. Die Vorschau zeigt jedes Feld, auch solche, die nur unter einer Bedingung gefragt werden; die Bedingung steht darüber.
bo-formulare-sprache = Sprache der Vorschau
bo-formulare-hinweis = Rechtlicher Hinweis
bo-formulare-bearbeitung = Nach dem Absenden
bo-formulare-anhaenge = Nachweise
bo-formulare-keine-anhaenge = Dieses Formular fordert keine Nachweise an.
bo-formulare-pflicht = Pflicht: ohne diesen Nachweis kann der Antrag nicht gesendet werden
bo-formulare-freiwillig = Kann nachgereicht werden
bo-formulare-schritt = Schritt { $nummer } von { $gesamt } ({ $id })
bo-formulare-nur-wenn = Nur wenn { $bedingung }
bo-formulare-liste = Wird so oft gefragt, wie { $feld } angibt; die Vorschau zeigt einen Eintrag.
bo-formulare-feld = „{ $label }“ ({ $name })
bo-formulare-zitat = „{ $text }“
bo-formulare-ist = { $feld } ist „{ $wert }“
bo-formulare-in = { $feld } ist eines von: { $werte }
bo-formulare-enthaelt = { $feld } enthält „{ $wert }“
bo-formulare-beantwortet = { $feld } ist beantwortet
bo-formulare-unbeantwortet = { $feld } ist nicht beantwortet
bo-formulare-nicht = nicht: { $bedingung }
bo-formulare-und = und
bo-formulare-oder = oder
