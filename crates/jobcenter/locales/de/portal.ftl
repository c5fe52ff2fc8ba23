# Portal: Profil auswählen, Freischaltcode, Profil, Online-Kommunikation, Verlauf (PRF, OKO, POR-1)

layout-profile = Profil

portal-kundennummer = Kundennummer: { $nummer }
portal-back = Zurück
portal-back-to-profile = Zurück zum Profil
portal-phone = Telefon

## Profil auswählen (PRF-1) und Profile verwalten (PRF-5)
portal-select-title = Profil auswählen
portal-select-own = Ihre Profile
portal-select-choose = Auswählen
portal-select-profile-aria = Profil von { $name } auswählen
portal-select-without = Weiter als Privatperson ohne Profil
portal-select-without-text = Ich handle für mich selbst und möchte nur das öffentliche Informationsangebot nutzen (z. B. Hilfe und Informationen).
portal-select-code = Freischaltcode
portal-select-code-text = Sie hatten Kontakt zu Ihrem Jobcenter und haben einen Freischaltcode erhalten.
portal-select-new = Neues Profil anlegen
portal-select-new-text = Neues Profil anlegen oder freischalten
portal-select-new-how = Ihr Profil legt das Jobcenter für Sie an, nachdem Sie sich mit Ihrem Ausweis ausgewiesen haben. Mit dem Schreiben erhalten Sie einen Freischaltcode, mit dem Sie das Profil hier freischalten. Den Freischaltcode können Sie persönlich, telefonisch oder online bei Ihrem Jobcenter beantragen.
portal-select-new-link = Profil freischalten
portal-profiles-title = Profile verwalten
portal-profiles-intro = Hier sehen Sie die Profile, für die Sie mit diesem Konto handeln können. Das Standardprofil wird nach der Anmeldung geöffnet.
portal-profiles-none = Zu diesem Konto gehört noch kein Profil. Schalten Sie Ihr Profil mit dem Freischaltcode aus dem Schreiben Ihres Jobcenters frei.
portal-profiles-default = Standardprofil
portal-profiles-current = Dieses Profil ist gerade geöffnet.
portal-profiles-make-default = Als Standardprofil festlegen
portal-profiles-default-set = Das Standardprofil wurde geändert.
portal-profiles-add = + Profil hinzufügen
portal-profiles-add-hint = Ein weiteres Profil fügen Sie mit einem Freischaltcode hinzu.
portal-profile-switch = Profil wechseln

## Freischaltcode (PRF-3, PRF-4)
portal-code-title = Online-Angebote freischalten
portal-code-intro = Mit Ihrem Freischaltcode erhalten Sie Zugang zu unseren Online-Angeboten.
portal-code-heading = Freischaltcode eingeben
portal-code-text = Geben Sie bitte den 12-stelligen Freischaltcode ein, den Sie mit unserem Schreiben erhalten haben. Der Freischaltcode besteht aus Zahlen und Großbuchstaben, zum Beispiel: HET2-2X8A-UXAS.
portal-code-label = Freischaltcode *
portal-code-hint = Mit oder ohne Bindestriche, Groß- oder Kleinschreibung ist egal.
portal-code-submit = Freischalten
portal-code-request = Einen Freischaltcode können Sie persönlich, telefonisch oder online bei Ihrem Jobcenter beantragen. Er wird Ihnen nach Vorlage Ihres Ausweises ausgehändigt oder per Post geschickt.
portal-code-error-empty = Bitte geben Sie den Freischaltcode ein.
portal-code-error-format = Der Freischaltcode besteht aus 12 Zahlen und Großbuchstaben, zum Beispiel: HET2-2X8A-UXAS. Bitte prüfen Sie Ihre Eingabe.
portal-code-error-wrong = Dieser Freischaltcode ist nicht gültig. Bitte prüfen Sie Ihre Eingabe. Wenn Sie einen neueren Freischaltcode erhalten haben, gilt nur dieser.
portal-code-error-expired = Dieser Freischaltcode ist abgelaufen. Bitte beantragen Sie bei Ihrem Jobcenter einen neuen Freischaltcode.
portal-code-error-used = Dieser Freischaltcode wurde bereits verwendet. Jeder Freischaltcode gilt nur einmal. Wenn Sie ihn nicht selbst eingegeben haben, wenden Sie sich bitte an Ihr Jobcenter.
portal-code-error-limit = Sie haben zu oft einen Freischaltcode eingegeben. Bitte versuchen Sie es in einer Stunde erneut.
portal-success-title = Freischaltung erfolgreich
portal-success-heading = Freischaltung erfolgreich
portal-success-text = Sie haben nun Zugriff auf die entsprechenden eServices.
portal-success-to-profile = Zum Profil

## Profil (POR-1)
portal-profile-title = Profil
portal-contact-communication = Kontakt und Kommunikation
portal-options-teaser = E-Mail- und SMS-Benachrichtigungen einstellen.
portal-office = Ihre Dienststelle vor Ort
portal-office-text = Wir sind für Sie da. Nehmen Sie Kontakt mit uns auf.
portal-contact = Ihr Kontakt
portal-contact-name = Name

## Profil bearbeiten (PRF-6)
portal-edit-title = Profil bearbeiten
portal-edit-data = Ihre Daten
portal-data-name = Name
portal-data-birth-date = Geburtsdatum
portal-data-address = Anschrift
portal-data-kundennummer = Kundennummer
portal-data-bg = Nummer der Bedarfsgemeinschaft
portal-edit-data-hint = Diese Daten führt Ihr Jobcenter. Wenn sich etwas geändert hat, teilen Sie es bitte Ihrem Jobcenter mit (persönlich, telefonisch oder per Post); danach erscheint es hier.
portal-edit-options = Kommunikationsoptionen
portal-edit-email = E-Mail-Benachrichtigung
portal-edit-email-hint = E-Mail bei neuen Mitteilungen
portal-edit-sms = SMS-Benachrichtigung
portal-edit-sms-hint = SMS für anstehende Termine
portal-edit-mobile = Mobilfunknummer
portal-edit-mobile-hint = Für SMS-Benachrichtigungen, zum Beispiel 0170 1234567 oder +49 170 1234567.
portal-edit-save = Speichern
portal-edit-saved = Ihre Kommunikationsoptionen wurden gespeichert.
portal-edit-error-mobile-missing = Für die SMS-Benachrichtigung geben Sie bitte Ihre Mobilfunknummer ein.
portal-edit-error-mobile-format = Bitte geben Sie eine deutsche Mobilfunknummer ein, zum Beispiel 0170 1234567.
portal-edit-online = Online-Kommunikation
portal-edit-online-hint = Inhalte digital empfangen
portal-edit-online-link = Online-Kommunikation ändern
portal-sms-confirm = Jobcenter Digital: Sie erhalten ab jetzt SMS zu anstehenden Terminen. Abbestellen können Sie das unter „Profil bearbeiten“.

## Online-Kommunikation (OKO-1, OKO-2)
portal-oko-title = Online-Kommunikation
portal-oko-banner-heading = Jetzt aktiv werden: Vollständig online kommunizieren
portal-oko-banner-text = Schneller informiert, digital verbunden - mit Ihrer Zustimmung zur Online-Kommunikation.
portal-oko-banner-link = Jetzt aktivieren
portal-oko-intro = Ohne Ihre explizite Einwilligung stellen wir Ihnen aktiv keine persönlichen Inhalte in Ihr Profil ein. Dazu zählen Schriftstücke (Bescheide, Nachweise, Schreiben), Anträge und Postfachnachrichten im Leistungspostfach.
portal-oko-statement-1 = Ich wurde darüber informiert, dass die Nutzung der Funktion Online-Kommunikation ohne Angabe einer E-Mail-Adresse nicht möglich ist. Wenn ich meine Einwilligung nicht erteile, entstehen mir hierdurch keine Nachteile, da ich die Informationen postalisch, telefonisch oder persönlich erhalten kann. Des Weiteren wurde ich darüber informiert, dass ich meine Einwilligung in die Verarbeitung der E-Mail-Adresse durch Deaktivieren der Funktion Online-Kommunikation jederzeit ohne Angabe von Gründen mit Wirkung für die Zukunft widerrufen kann.
portal-oko-statement-2 = Die Agentur für Arbeit/gemeinsame Einrichtung ist gesetzlich verpflichtet, den Zugriff auf Informationen abhängig von deren Inhalt abzusichern. Besonders schützenswerte Daten können nicht mit einer Anmeldung mittels Benutzernamen/Passwort eingesehen werden. Dazu ist eine Anmeldung mit speziellen Ausweismitteln (z.B. ELSTER-Zertifikat oder Personalausweis mit Onlinefunktion) nötig. Weitere Informationen finden Sie unter dem Konzept Vertrauensniveaus. Ich nehme zur Kenntnis, dass ich für den Online-Zugriff auf schützenswerte Daten spezielle Ausweismittel benötige. Ich habe grundsätzlich für deren Funktionsfähigkeit (gültiger Ausweis, PIN bekannt, usw.) zu sorgen, um innerhalb gültiger Fristen die bereitgestellten Informationen abrufen zu können.
portal-oko-statement-3 = Ich verzichte auf die postalische Zustellung. Für noch nicht digitalisierte Verwaltungsprozesse erhalten Sie die Dokumente weiterhin per Post.
portal-oko-status = Status der Online-Kommunikation
portal-oko-switch-label = Online-Kommunikation:
portal-oko-on = An
portal-oko-off = Aus
portal-oko-save = Status speichern
portal-oko-since = Zuletzt geändert am { $when }.
portal-oko-status-on-text = Schriftstücke (Bescheide, Nachweise, Schreiben), Anträge und Postfachnachrichten im Leistungspostfach werden Ihnen ausschließlich online bereitgestellt. Für noch nicht digitalisierte Verwaltungsprozesse erhalten Sie Dokumente weiterhin per Post.
portal-oko-status-off-text = Die Online-Kommunikation ist nicht aktiviert. Schriftstücke erhalten Sie per Post.
portal-oko-now-on = Die Online-Kommunikation ist aktiviert.
portal-oko-now-off = Die Online-Kommunikation ist deaktiviert. Schriftstücke erhalten Sie wieder per Post.
portal-oko-error-unconfirmed = Für die Online-Kommunikation bestätigen Sie bitte zuerst Ihre E-Mail-Adresse.

## Verlauf des Profils (PRF-7)
portal-history-title = Verlauf
portal-history-intro = Was in Ihrem Profil geschehen ist, das Neueste zuerst.
portal-history-by = Durch
portal-history-account = Anmeldungen und Sicherheit Ihres Kontos finden Sie im Verlauf der Kontoeinstellungen.
portal-actor-client = Sie
portal-actor-staff = Ihr Jobcenter
portal-actor-representative = Ihre Vertretung
portal-actor-system = Automatisch
portal-event-other = Sonstige Änderung
portal-event-activated = Profil mit Freischaltcode freigeschaltet
portal-event-online-consent-granted = Online-Kommunikation aktiviert
portal-event-online-consent-revoked = Online-Kommunikation deaktiviert
portal-event-communication-options-changed = Kommunikationsoptionen geändert
portal-event-client-created = Kundendaten angelegt
portal-event-code-issued = Freischaltcode ausgestellt
portal-event-access-help-factors-reset = Zweite Faktoren vom Jobcenter zurückgesetzt
portal-event-access-help-one-time-access = Einmal-Zugangsdaten vom Jobcenter ausgestellt

## Verlauf des Kontos (Kontoeinstellungen)
history-profile-activated = Profil freigeschaltet
history-activation-code-refused = Freischaltcode abgelehnt
history-profile-switched = Profil gewechselt
history-profile-default-set = Standardprofil geändert
history-online-consent-granted = Online-Kommunikation aktiviert
history-online-consent-revoked = Online-Kommunikation deaktiviert
history-communication-options-changed = Kommunikationsoptionen geändert
history-profile-moved-away = Profil durch einen neuen Freischaltcode auf ein anderes Konto übertragen
