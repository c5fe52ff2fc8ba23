## "Ihre Vorgänge" and the eServices (portal/antraege, APP-1 … APP-4)

antraege-title = Ihre Vorgänge
antraege-leer = Sie haben noch keine Anträge gestellt oder begonnen.
antraege-aktualisiert = Letzte Aktualisierung
antraege-status = Status
antraege-weiterer = Einen weiteren Vorgang anzeigen
antraege-buergergeld = Bürgergeld
antraege-bewilligt-bis = Ihr Bürgergeld ist bewilligt bis { $datum }.
antraege-verlauf-buergergeld = Verlauf zum Bürgergeld
antraege-uebersicht-buergergeld = Übersicht zum Bürgergeld
antraege-aktueller-bezug = Ihr aktueller Bezug
antraege-nicht-online = Diese Funktion steht online noch nicht zur Verfügung. Ihr Jobcenter gibt Ihnen gern Auskunft.
eservices-title = Alle eServices
eservices-intro = Diese Anträge und Mitteilungen können Sie online an Ihr Jobcenter senden. Sie können jederzeit unterbrechen: Ihre Angaben werden als Entwurf gespeichert.
eservices-alle = Alle eServices anzeigen

antrag-start-title = Antrag
antrag-start-intro = Das Formular hat { $anzahl } Schritte. Sie können jederzeit „Entwurf speichern“ wählen und später weitermachen.
antrag-starten = Antrag starten
antrag-hinweis = Wichtiger Hinweis
antrag-fortschritt = Schritt { $schritt } von { $gesamt }
antrag-weiter = Weiter
antrag-zurueck = Zurück
antrag-entwurf-speichern = Entwurf speichern
antrag-entwurf-gespeichert = Ihr Entwurf wurde gespeichert. Sie finden ihn unter „Ihre Vorgänge“.
antrag-entwurf-hinweis = Dieser Antrag ist noch nicht gesendet. Er wird von Ihnen bearbeitet.
antrag-fortsetzen = Weiter bearbeiten
antrag-verwerfen = Entwurf löschen
antrag-verworfen = Der Entwurf wurde gelöscht.
antrag-ja = Ja
antrag-nein = Nein
antrag-eintrag = { $feld }: Eintrag { $nummer }
antrag-bescheid = { $titel } vom { $datum }
antrag-bescheid-mit-frist = { $titel } vom { $datum } (Widerspruch bis { $frist })

antrag-nachweise-title = Nachweise
antrag-nachweise-intro = Bitte laden Sie die Nachweise hoch, die zu Ihren Angaben gehören: PDF, JPG oder PNG. Was Sie jetzt nicht zur Hand haben und nicht verpflichtend ist, können Sie später nachreichen.
antrag-nachweis-datei = Datei für „{ $nachweis }“ auswählen
antrag-pflicht = erforderlich
antrag-nachreichbar = kann nachgereicht werden
antrag-nachweise-aendern = Nachweise ändern
antrag-keine-nachweise = Keine Nachweise hochgeladen.

antrag-zusammenfassung-title = Ihre Angaben prüfen
antrag-zusammenfassung-intro = Bitte prüfen Sie Ihre Angaben. Mit „Ändern“ kommen Sie zur Frage zurück.
antrag-aendern = Ändern
antrag-noch-offen = Bevor Sie den Antrag senden können:
antrag-absenden = Antrag absenden
antrag-gesendet = Ihr Antrag wurde gesendet. Ihre Eingangsbestätigung finden Sie auf dieser Seite.
antrag-gesendet-am = Online gesendet am { $zeit }
antrag-quittung = Eingangsbestätigung (PDF)
antrag-wie-weiter = Wie geht es weiter?
antrag-bescheid-ansehen = Zum Bescheid
antrag-fuer-bg = für die Bedarfsgemeinschaft { $bg }
antrag-vorgangsnummer = Vorgangsnummer { $nummer }
antrag-stufen = Bearbeitungsstand

antrag-status-entwurf = Wird von Ihnen bearbeitet
antrag-status-gesendet = Von Ihnen online gesendet
antrag-status-eingegangen = Eingegangen
antrag-status-in-bearbeitung = In Bearbeitung
antrag-status-unterlagen-fehlen = Unterlagen fehlen
antrag-status-entschieden = Entschieden
antrag-status-zurueckgezogen = Zurückgezogen
antrag-weiter-eingegangen = Ihr Antrag ist bei Ihrem Jobcenter eingegangen. Eine Mitarbeiterin oder ein Mitarbeiter wird ihn bearbeiten. Sie müssen jetzt nichts tun.
antrag-weiter-in-bearbeitung = Ihr Antrag wird bearbeitet. Wenn noch etwas fehlt, melden wir uns bei Ihnen.
antrag-weiter-unterlagen-fehlen = Für die Bearbeitung fehlen noch Unterlagen. Bitte reichen Sie sie bis zur genannten Frist nach.
antrag-weiter-entschieden = Über Ihren Antrag wurde entschieden. Den Bescheid finden Sie unter „Bescheide und Nachweise“.
antrag-weiter-zurueckgezogen = Der Antrag wurde auf Ihren Wunsch zurückgezogen.

antrag-fehler-pflicht = Bitte beantworten Sie „{ $feld }“.
antrag-fehler-zahl = Bitte geben Sie bei „{ $feld }“ eine ganze Zahl ein.
antrag-fehler-betrag = Bitte geben Sie bei „{ $feld }“ einen Betrag in Euro ein, zum Beispiel 1.234,56.
antrag-fehler-datum = Bitte geben Sie bei „{ $feld }“ ein Datum ein, zum Beispiel 31.12.2026.
antrag-fehler-janein = Bitte wählen Sie bei „{ $feld }“ Ja oder Nein.
antrag-fehler-iban = Die IBAN bei „{ $feld }“ ist nicht gültig. Bitte prüfen Sie sie.
antrag-fehler-format = Bitte prüfen Sie die Angabe bei „{ $feld }“: Sie hat nicht die erwartete Form.
antrag-fehler-zu-kurz = „{ $feld }“ muss mindestens { $anzahl } Zeichen lang sein.
antrag-fehler-zu-lang = „{ $feld }“ darf höchstens { $anzahl } Zeichen lang sein.
antrag-fehler-minimum = Bei „{ $feld }“ ist der kleinste mögliche Wert { $wert }.
antrag-fehler-maximum = Bei „{ $feld }“ ist der größte mögliche Wert { $wert }.
antrag-fehler-auswahl = Bitte wählen Sie bei „{ $feld }“ aus den angebotenen Möglichkeiten.
antrag-fehler-unbekannt = Das Formular kennt diese Angaben nicht: { $felder }.
antrag-fehler-regel = Bitte prüfen Sie die Angabe bei „{ $feld }“.
antrag-fehler-nachweis = Bitte laden Sie „{ $nachweis }“ hoch.
antrag-fehler-version = Dieses Formular wurde inzwischen geändert. Bitte beginnen Sie den Antrag neu; Ihre Angaben werden übernommen, soweit sie noch passen.

portal-event-application-sent = Antrag online gesendet
portal-event-application-status = Bearbeitungsstand eines Antrags geändert
portal-event-documents-requested = Unterlagen nachgefordert
portal-event-documents-supplied = Unterlagen nachgereicht
arbeit-art-antrag = Antrag

mail-antrag-eingang-subject = Ihr Antrag ist eingegangen
mail-antrag-eingang-body = Guten Tag,

    Ihr Antrag ist bei Ihrem Jobcenter eingegangen. Aus Datenschutzgründen steht der Inhalt nicht in dieser E-Mail.

    Den Bearbeitungsstand und Ihre Eingangsbestätigung sehen Sie nach der Anmeldung unter „Ihre Vorgänge“:
    { $link }
antraege-entry-text = Anträge stellen, Entwürfe fortsetzen und den Bearbeitungsstand sehen.
antraege-entry-weiterbewilligung = Weiterbewilligung beantragen
antraege-veraenderung-mitteilen = Veränderung mitteilen
antrag-was-tun = Was Sie jetzt tun müssen
antrag-frist = Bitte bis { $datum }
antrag-nachreichen-datei = Unterlagen auswählen (PDF, JPG oder PNG)
antrag-nachreichen = Unterlagen senden
antrag-nachgereicht = Vielen Dank. Ihre Unterlagen wurden gesendet.
antrag-nachreichen-fehler = Die Unterlagen konnten nicht angenommen werden. Bitte senden Sie PDF-, JPG- oder PNG-Dateien, die nicht beschädigt sind.
antrag-nachreichen-leer = Bitte wählen Sie mindestens eine Datei aus.
bo-antrag-title = Antrag
bo-antrag-nummer = Vorgangsnummer
bo-antrag-gesendet = Online gesendet am
bo-antrag-anfragen = Nachgeforderte Unterlagen
bo-antrag-beantwortet = nachgereicht am
bo-antrag-bearbeiten = Bearbeitung (für die Kundin oder den Kunden sichtbar)
bo-antrag-in-bearbeitung = Auf „In Bearbeitung“ setzen
bo-antrag-anfrage-text = Welche Unterlagen fehlen?
bo-antrag-anfrage-frist = Frist
bo-antrag-nachfordern = Unterlagen nachfordern
bo-antrag-bescheid = Bescheid (zuvor unter „Bescheide“ veröffentlicht)
bo-antrag-entscheiden = Als entschieden markieren
bo-antrag-zurueckziehen = Auf Wunsch der Kundin oder des Kunden zurückziehen
bo-antrag-vorgang = Aufgabe
bo-antrag-gespeichert = Die Änderung wurde gespeichert; die Kundin oder der Kunde wurde benachrichtigt.
bo-antrag-bescheid-fehlt = Bitte wählen Sie einen Bescheid dieser Kundin oder dieses Kunden.
bo-antrag-anfrage-fehlt = Bitte nennen Sie die fehlenden Unterlagen (höchstens 2000 Zeichen) und eine Frist in der Zukunft.
bo-what-antrag = Antrag geöffnet
mail-antrag-status-subject = Neuigkeiten zu Ihrem Antrag
mail-antrag-status-body = Guten Tag,

    zu Ihrem Antrag gibt es Neuigkeiten. Aus Datenschutzgründen steht der Inhalt nicht in dieser E-Mail.

    Sie sehen den Bearbeitungsstand nach der Anmeldung unter „Ihre Vorgänge“:
    { $link }

# The receipt PDF (German always; the client's language beside it).
quittung-titel = Eingangsbestätigung
quittung-vorgangsnummer = Vorgangsnummer
quittung-gesendet = Online gesendet am
quittung-name = Name
quittung-kundennummer = Kundennummer
quittung-einleitung = Ihr Antrag ist beim Jobcenter eingegangen. Diese Bestätigung enthält alle Ihre Angaben und die Nachweise, die Sie mit dem Antrag gesendet haben. Bitte bewahren Sie sie auf.
quittung-nachweise = Gesendete Nachweise
quittung-keine-nachweise = Mit diesem Antrag wurden keine Nachweise gesendet.
quittung-groesse = Größe
quittung-keine-angabe = keine Angabe

# Deadlines (fristen.rs): draft deletion and the Weiterbewilligung reminder.
mail-antrag-entwurf-erinnerung-subject = Ihr Antragsentwurf wird bald gelöscht
mail-antrag-entwurf-erinnerung-body = Guten Tag,

    einer Ihrer Antragsentwürfe wird am { $datum } gelöscht, wenn Sie ihn bis dahin nicht bearbeiten oder absenden. Aus Datenschutzgründen steht der Inhalt nicht in dieser E-Mail.

    Sie können den Entwurf nach der Anmeldung unter „Ihre Vorgänge“ fortsetzen:
    { $link }
mail-weiterbewilligung-erinnerung-subject = Ihr Bewilligungszeitraum endet bald
mail-weiterbewilligung-erinnerung-body = Guten Tag,

    Ihr Bewilligungszeitraum für das Bürgergeld endet am { $datum }. Damit Sie weiter Leistungen erhalten, stellen Sie bitte rechtzeitig Ihren Weiterbewilligungsantrag. Angaben, die sich nicht geändert haben, sind aus Ihrem letzten Antrag schon eingetragen.

    Zum Weiterbewilligungsantrag (nach der Anmeldung):
    { $link }
antraege-weiterbewilligung-faellig = Ihr Bewilligungszeitraum endet am { $datum }. Damit Sie weiter Bürgergeld erhalten, stellen Sie bitte rechtzeitig Ihren Weiterbewilligungsantrag.
bo-antrag-zeitraum = Bewilligungszeitraum laut Bescheid (für die Erinnerung an den Weiterbewilligungsantrag)
bo-antrag-zeitraum-von = Von
bo-antrag-zeitraum-bis = Bis
bo-antrag-zeitraum-fehler = Bitte geben Sie den Bewilligungszeitraum vollständig an: „Bis“ muss nach „Von“ und nach heute liegen.
bo-antrag-zeitraum-aktuell = Aktueller Bewilligungszeitraum: { $von } bis { $bis }
