# Leistungspostfach und Vermittlungspostfach (POR-2)
postfach-leistung = Leistungspostfach
postfach-vermittlung = Vermittlungspostfach
postfach-leistung-intro = Fragen zu Ihren Geldleistungen, Anträgen und Bescheiden: Ihre Nachricht geht an den Leistungsservice, Terminfragen an Ihre persönliche Ansprechperson.
postfach-vermittlung-intro = Fragen zu Arbeit, Bewerbungen und Förderung: Ihre Nachricht geht an Ihre persönliche Ansprechperson.
postfach-oko-heading = Onlinekommunikation ist nicht aktiviert
postfach-oko-activate = Jetzt aktivieren
postfach-new = Neue Nachricht
postfach-new-title = Neue Nachricht
postfach-new-intro = Ihre Nachricht an das Jobcenter im { $postfach }.
postfach-empty = Sie haben in diesem Postfach noch keine Nachrichten.
postfach-col-subject = Betreff
postfach-col-concern = Anliegen
postfach-col-last = Letzte Nachricht
postfach-unread = Neu
postfach-unread-count = { $anzahl } ungelesen
postfach-closed = Abgeschlossen
postfach-concern-legend = Anliegen
postfach-subject = Betreff
postfach-subject-hint = Höchstens { $anzahl } Zeichen.
postfach-text = Nachricht
postfach-text-hint = Höchstens { $anzahl } Zeichen.
postfach-send = Senden
postfach-thread-title = Nachricht
postfach-sent = Ihre Nachricht wurde gesendet.
postfach-messages = Nachrichten
postfach-from-jobcenter = Jobcenter ({ $name })
postfach-representative = (Bevollmächtigte/r)
postfach-reply = Antworten
postfach-back = Zurück zum { $postfach }
postfach-error-anliegen-fehlt = Bitte wählen Sie ein Anliegen.
postfach-error-betreff-fehlt = Bitte geben Sie einen Betreff ein.
postfach-error-betreff-zu-lang = Der Betreff darf höchstens { $max_betreff } Zeichen lang sein.
postfach-error-text-fehlt = Bitte schreiben Sie eine Nachricht.
postfach-error-text-zu-lang = Die Nachricht darf höchstens { $max_text } Zeichen lang sein.
postfach-error-geschlossen = Diese Unterhaltung ist abgeschlossen. Bitte schreiben Sie eine neue Nachricht.
postfach-anliegen-antrag = Fragen zu meinem Antrag
postfach-anliegen-bescheid = Fragen zu meinem Bescheid
postfach-anliegen-zahlung = Zahlungen
postfach-anliegen-veraenderung = Veränderungen (Einkommen, Wohnung, Haushalt)
postfach-anliegen-termin-leistung = Termine
postfach-anliegen-sonstiges-leistung = Sonstiges
postfach-anliegen-bewerbung = Bewerbungen und Stellenangebote
postfach-anliegen-kooperationsplan = Kooperationsplan
postfach-anliegen-weiterbildung = Weiterbildung und Förderung
postfach-anliegen-termin-vermittlung = Termine
postfach-anliegen-sonstiges-vermittlung = Sonstiges
arbeit-art-nachricht = Postfachnachricht
bo-thread-title = Postfachnachricht
bo-thread-reply = Antwort an die Kundin oder den Kunden
bo-thread-sent = Die Antwort wurde gesendet.
bo-thread-closed = Die Unterhaltung ist erledigt. Nehmen Sie die Aufgabe wieder auf, um zu antworten.
bo-what-nachricht = Postfachnachricht geöffnet
mail-postfach-neu-subject = Neue Nachricht in Ihrem Postfach
mail-postfach-neu-body = Guten Tag,

    in Ihrem { $postfach } bei jobcenter.digital liegt eine neue Nachricht Ihres Jobcenters für Sie.

    Aus Datenschutzgründen steht der Inhalt nicht in dieser E-Mail. Sie lesen die Nachricht nach der Anmeldung:
    { $link }

    Diese E-Mail erhalten Sie, weil Sie „E-Mail bei neuen Mitteilungen“ eingeschaltet haben. Sie können das in Ihrem Profil unter „Kommunikationsoptionen“ ändern.
postfach-error-zu-viele-anhaenge = Eine Nachricht kann höchstens { $max_anhaenge } Anhänge haben.
portal-event-attachment-opened = Anhang einer Nachricht geöffnet
postfach-attachments = Anhänge
postfach-attach = Dateien anhängen (freiwillig)
postfach-attach-hint = Höchstens { $anzahl } Anhänge je Nachricht.
postfach-draft-save = Entwurf speichern
postfach-draft-saved = Ihr Entwurf wurde gespeichert. Sie können ihn später weiterschreiben.
postfach-draft-attachments = Bereits angehängt
postfach-draft-remove = „{ $datei }“ entfernen
postfach-drafts = Entwürfe
postfach-draft-untitled = Entwurf ohne Betreff
bo-what-anhang = Anhang einer Postfachnachricht geöffnet
postfach-sms-neu = Neue Nachricht Ihres Jobcenters im Postfach bei jobcenter.digital. Bitte melden Sie sich an, um sie zu lesen.
