# Bescheide und Nachweise (POR-3)
bescheide-title = Bescheide und Nachweise
bescheide-intro = Hier finden Sie Bescheide, Nachweise und Schreiben, die Ihr Jobcenter Ihnen online bereitgestellt hat. Ein Bescheid gilt am Tag nach dem ersten Abruf als bekannt gegeben.
bescheide-empty = Es liegen noch keine Dokumente für Sie vor.
bescheide-entry-text = Bescheide, Nachweise und Schreiben Ihres Jobcenters online abrufen.
bescheide-new-count = { $anzahl } neu
bescheide-col-title = Titel
bescheide-col-kind = Art
bescheide-col-date = Datum
bescheide-col-status = Status
bescheide-status-neu = Neu
bescheide-status-bekannt = Bekannt gegeben am { $datum }
bescheide-status-post = Per Post versandt am { $datum }
bescheide-widerspruch = Widerspruch bis
bescheide-level = Vertrauensniveau
bescheide-hoch-heading = Für dieses Dokument ist eine Anmeldung mit Online-Ausweis nötig
bescheide-hoch-not-yet = Die Anmeldung mit Online-Ausweis oder ELSTER-Zertifikat ist im Portal noch nicht verfügbar. Bis dahin erhalten Sie dieses Dokument nach Ablauf der Abholfrist per Post.
bescheide-abruf-hint = Mit dem Öffnen rufen Sie das Dokument ab.
bescheide-abruf-hint-bescheid = Mit dem Öffnen rufen Sie den Bescheid ab. Er gilt am Tag danach als bekannt gegeben; ab dann läuft die Frist für einen Widerspruch.
bescheide-open = Dokument öffnen (PDF)
bescheide-back = Zurück zu Bescheide und Nachweise
bescheide-art-bescheid = Bescheid
bescheide-art-nachweis = Nachweis
bescheide-art-schreiben = Schreiben
bescheide-stufe-substantiell = substantiell
bescheide-stufe-hoch = hoch
bo-bescheide-title = Bescheide und Nachweise
bo-bescheide-link = Dokumente ansehen und veröffentlichen
bo-bescheide-empty = Für diese Person wurden noch keine Dokumente veröffentlicht.
bo-bescheide-col-delivery = Zustellung
bo-bescheide-bereit = Online bereitgestellt am { $bereit }, noch nicht abgerufen
bo-bescheide-abgerufen = Online bereitgestellt am { $bereit }, abgerufen am { $abruf }
bo-bescheide-post-ohne-einwilligung = Per Post am { $datum } (keine Einwilligung in die Onlinekommunikation)
bo-bescheide-post-nicht-abgerufen = Per Post am { $datum } (nicht innerhalb der Frist abgerufen)
bo-bescheide-publish = Dokument veröffentlichen
bo-bescheide-publish-intro = Mit Einwilligung in die Onlinekommunikation wird das Dokument online bereitgestellt und die Person per E-Mail (ohne Inhalt) benachrichtigt; sonst kommt es in die Druckaufträge.
bo-bescheide-date = Datum des Dokuments
bo-bescheide-date-hint = Format TT.MM.JJJJ
bo-bescheide-file = PDF-Datei
bo-bescheide-error-art = Bitte wählen Sie die Art des Dokuments.
bo-bescheide-error-titel = Bitte geben Sie einen Titel mit höchstens 200 Zeichen ein.
bo-bescheide-error-datum = Bitte geben Sie das Datum im Format TT.MM.JJJJ ein.
bo-bescheide-error-stufe = Bitte wählen Sie das Vertrauensniveau.
bo-bescheide-error-datei = Bitte wählen Sie genau eine PDF-Datei.
bo-bescheide-done-online = Das Dokument wurde online bereitgestellt; die Person wurde per E-Mail benachrichtigt.
bo-bescheide-done-post = Die Person hat nicht in die Onlinekommunikation eingewilligt: Das Dokument steht in den Druckaufträgen.
bo-what-bescheide = Bescheide und Nachweise angesehen
portal-event-document-published = Dokument in „Bescheide und Nachweise“ bereitgestellt
portal-event-document-retrieved = Dokument abgerufen
portal-event-document-posted = Dokument per Post versandt
mail-bescheid-neu-subject = Neues Dokument in „Bescheide und Nachweise“
mail-bescheid-neu-body = Guten Tag,

    Ihr Jobcenter hat Ihnen ein neues Dokument (Art: { $art }) online bereitgestellt.

    Aus Datenschutzgründen steht der Inhalt nicht in dieser E-Mail. Sie rufen das Dokument nach der Anmeldung ab:
    { $link }

    Ein Bescheid gilt am Tag nach dem ersten Abruf als bekannt gegeben. Rufen Sie das Dokument nicht innerhalb von 10 Tagen ab, erhalten Sie es per Post.
bo-purpose-druck = Postversand (Druckauftrag)
bo-print-pdf = PDF zum Drucken
bo-what-bescheid-pdf = Bescheid-PDF geöffnet
bo-bescheide-template = Text des Schreibens (statt einer PDF-Datei)
bo-bescheide-template-hint = Aus der Vorlage entsteht ein Schreiben mit Anschrift, Kundennummer, Datum und Titel; Absätze trennen Sie mit einer Leerzeile.
bo-bescheide-error-beides = Bitte wählen Sie entweder eine PDF-Datei oder schreiben Sie einen Text, nicht beides.
bo-bescheide-error-vorlage = Der Text passt nicht auf eine Seite: höchstens { $anzahl } Zeichen.
bo-bescheide-freigabe-offen = Wartet auf Freigabe (Vier-Augen-Prinzip)
bo-bescheide-release = Freigeben
bo-bescheide-done-freigabe = Das Dokument wartet auf die Freigabe durch eine zweite Person.
bo-bescheide-error-nicht-offen = Dieses Dokument wartet nicht auf eine Freigabe.
bo-bescheide-error-selbe-person = Vier-Augen-Prinzip: Wer ein Dokument veröffentlicht, kann es nicht selbst freigeben.
bo-what-bescheid-freigabe = Dokument freigegeben
arbeit-art-veroeffentlichung = Freigabe eines Dokuments
