## Passkeys (MFA-20 … MFA-24, MFA-61)
passkey-factor-named = Passkey „{ $name }“

passkey-setup-title = Passkey einrichten
passkey-name-label = Name des Passkeys*
passkey-name-hint = Bitte zwischen 3 und 30 Zeichen eingeben. Es sind Groß- und Kleinbuchstaben, Zahlen und folgende Zeichen erlaubt . : , ; - _ ( ) /
passkey-create = Passkey erstellen
passkey-error-name-empty = Bitte geben Sie einen Namen für den Passkey ein.
passkey-error-name-length = Der Name des Passkeys muss zwischen 3 und 30 Zeichen lang sein.
passkey-error-name-characters = Der Name des Passkeys darf nur Groß- und Kleinbuchstaben ohne Umlaute, Zahlen und die Zeichen . : , ; - _ ( ) / enthalten, keine Leerzeichen.
passkey-error-name-taken = Sie haben bereits einen Passkey mit diesem Namen. Bitte wählen Sie einen anderen Namen.
passkey-limit-heading = Höchstzahl an Passkeys erreicht
passkey-limit-reached = Sie haben bereits 10 Passkeys eingerichtet. Mehr als 10 Passkeys je Konto sind nicht möglich. Löschen Sie zuerst einen Passkey, den Sie nicht mehr benötigen.
passkey-problem-heading = Der Passkey wurde nicht eingerichtet

passkey-device-title = Passkey auf dem Gerät einrichten
passkey-device-intro = Wählen Sie „Passkey jetzt erstellen“. Ihr Browser oder Ihr Gerät fragt Sie dann, wo der Passkey gespeichert werden soll, und bittet um Ihren Fingerabdruck, Ihre Gesichtserkennung oder Ihre PIN.
passkey-device-name = Name des Passkeys
passkey-device-varies = Achtung: Die Darstellung kann je nach verwendetem Gerät unterschiedlich sein.
passkey-device-button = Passkey jetzt erstellen
passkey-needs-js = Passkeys brauchen JavaScript und einen Browser, der Passkeys unterstützt. Bitte schalten Sie JavaScript ein oder verwenden Sie einen aktuellen Browser. Alle anderen Seiten des Portals funktionieren auch ohne JavaScript.
passkey-client-cancelled = Der Vorgang wurde abgebrochen oder hat zu lange gedauert. Bitte versuchen Sie es erneut.
passkey-client-exists = Auf diesem Gerät ist bereits ein Passkey für Ihr Konto gespeichert. Sie können ihn schon zur Anmeldung verwenden.
passkey-client-failed = Der Passkey konnte nicht verwendet werden. Bitte versuchen Sie es erneut oder melden Sie sich auf anderem Weg an.

passkey-error-ceremony-unknown = Dieser Vorgang ist ungültig oder wurde bereits abgeschlossen. Bitte beginnen Sie erneut.
passkey-error-ceremony-expired = Der Vorgang hat zu lange gedauert (mehr als 5 Minuten). Bitte beginnen Sie erneut.
passkey-error-verification = Die Antwort Ihres Geräts konnte nicht bestätigt werden. Bitte versuchen Sie es erneut.
passkey-error-not-discoverable = Ihr Gerät hat keinen auffindbaren Passkey erstellt. Damit wäre „Mit Passkey anmelden“ nicht möglich. Bitte verwenden Sie ein anderes Gerät oder einen anderen Passwort-Manager.
passkey-error-already-registered = Dieser Passkey ist bereits eingerichtet.
passkey-error-unknown-passkey = Dieser Passkey gehört zu keinem Konto bei Jobcenter Digital. Vielleicht wurde er gelöscht. Bitte melden Sie sich auf anderem Weg an.
passkey-error-rate-limited = Zu viele Anmeldeversuche. Aus Sicherheitsgründen ist die Anmeldung mit Passkey für 15 Minuten gesperrt. Bitte versuchen Sie es später erneut.
passkey-error-bad-request = Die Anfrage war unvollständig. Bitte laden Sie die Seite neu und versuchen Sie es erneut.
passkey-error-wrong-stage = Bitte melden Sie sich zuerst mit Benutzername / E-Mail-Adresse und Passwort an.
passkey-error-no-passkey = Für dieses Konto ist kein Passkey eingerichtet.

passkey-success-title = Passkey erfolgreich eingerichtet
passkey-success-text = Sie können sich ab sofort mit dem Passkey anmelden. Bitte stellen Sie sicher, dass der Passkey bei jeder Anmeldung verfügbar ist.
passkey-next-heading = Nächster Schritt: Passwort entfernen
passkey-next-text = Im nächsten Schritt wird das bisherige Passwort aus Ihrem Konto entfernt. Dies ist notwendig, um eine sichere Anmeldung mit mehreren Faktoren sicherzustellen. Eine Anmeldung mit dem Passwort ist anschließend nicht mehr möglich. Falls Sie neben Passkey auch eine Anmeldung mit BundID eingerichtet haben, können Sie diese weiterhin nutzen.
passkey-next-totp = Möchten Sie das Passwort nicht entfernen, haben Sie auch die Möglichkeit, das Passwort um einen zweiten Faktor (TOTP) zu ergänzen.
passkey-next-setup-totp = Zweiten Faktor einrichten
passkey-remove-password = Passwort aus dem Konto entfernen
passkey-to-settings = Zu den Kontoeinstellungen

passkey-password-remove-title = Passwort entfernen
passkey-password-remove-consequence = Nach dem Entfernen melden Sie sich nur noch mit „Mit Passkey anmelden“ an (oder mit BundID, falls eingerichtet). Eine Anmeldung mit Benutzername / E-Mail-Adresse und Passwort ist nicht mehr möglich.
passkey-password-remove-later = Wenn Sie später wieder ein Passwort möchten, legen Sie über „Passwort vergessen“ ein neues fest. Für die Anmeldung mit Passwort brauchen Sie dann zusätzlich Ihren Passkey oder einen zweiten Faktor (TOTP).
passkey-password-remove-refused-heading = Das Passwort kann nicht entfernt werden
passkey-password-remove-refused = Das Passwort kann erst entfernt werden, wenn für Ihr Konto mindestens ein Passkey eingerichtet ist. Sonst hätten Sie keinen Zugang mehr zu Ihrem Konto.

passkey-settings-heading = Passkeys
passkey-settings-intro = Mit einem Passkey melden Sie sich ohne Passwort an. Sie können bis zu 10 Passkeys einrichten, zum Beispiel auf Ihrem Smartphone und auf Ihrem Computer.
passkey-settings-none = Für Ihr Konto ist noch kein Passkey eingerichtet.
passkey-settings-count = { $count } von 10 möglichen Passkeys eingerichtet
passkey-settings-created = Eingerichtet am
passkey-settings-last-used = Zuletzt verwendet
passkey-settings-never-used = noch nie
passkey-settings-rename-label = Neuer Name für „{ $name }“
passkey-settings-rename-button = „{ $name }“ umbenennen
passkey-settings-delete-link = „{ $name }“ löschen
passkey-settings-add = Passkey einrichten
passkey-settings-password-hint = Mit einem Passkey brauchen Sie kein Passwort mehr.
passkey-settings-no-password = Ihr Konto hat kein Passwort: Sie melden sich mit einem Passkey an. Über „Passwort vergessen“ können Sie jederzeit wieder ein Passwort festlegen; danach fragen wir bei der Anmeldung mit Passwort zusätzlich nach Ihrem Passkey oder Ihrem zweiten Faktor (TOTP).
passkey-settings-password-none = kein Passwort (Anmeldung mit Passkey)
passkey-settings-set-password = Passwort festlegen
passkey-notice-renamed = Der Passkey wurde umbenannt.
passkey-notice-deleted = Der Passkey wurde gelöscht.
passkey-notice-password-removed = Das Passwort wurde aus Ihrem Konto entfernt. Sie melden sich ab jetzt mit Ihrem Passkey an.

passkey-rename-title = Passkey umbenennen
passkey-rename-intro = Geben Sie dem Passkey „{ $name }“ einen neuen Namen.
passkey-rename-save = Namen speichern

passkey-delete-title = Passkey löschen
passkey-delete-question = Möchten Sie den Passkey „{ $name }“ wirklich löschen?
passkey-delete-consequence = Mit diesem Passkey können Sie sich danach nicht mehr anmelden. Entfernen Sie ihn bei Bedarf auch aus Ihrem Gerät oder Ihrem Passwort-Manager.
passkey-delete-confirm = Passkey löschen
passkey-delete-refused-heading = Der Passkey „{ $name }“ kann nicht gelöscht werden
passkey-delete-refused-no-password = Dies ist Ihr letzter Passkey, und Ihr Konto hat kein Passwort. Ohne ihn hätten Sie keinen Zugang mehr zu Ihrem Konto. Richten Sie zuerst einen weiteren Passkey ein.
passkey-delete-refused-last-factor = Dies ist Ihr letzter zweiter Faktor. Ohne ihn wäre keine Anmeldung mit zwei Faktoren mehr möglich. Richten Sie zuerst einen weiteren Passkey oder einen zweiten Faktor (TOTP) ein.

passkey-login-button = Mit Passkey anmelden
passkey-login-or = oder

history-passkey-added = Passkey eingerichtet
history-passkey-renamed = Passkey umbenannt
history-passkey-removed = Passkey gelöscht
history-passkey-login-failed = Fehlgeschlagene Anmeldung mit Passkey
history-password-removed = Passwort entfernt

mail-password-removed-subject = Passwort aus Ihrem Konto entfernt
mail-password-removed-body =
    Guten Tag,

    aus Ihrem Konto bei Jobcenter Digital wurde am { $when } Uhr das Passwort entfernt. Sie melden sich ab jetzt mit Ihrem Passkey an:

    { $settings }

    Wenn Sie das nicht waren, legen Sie über „Passwort vergessen“ sofort ein neues Passwort fest, prüfen Sie Ihre Passkeys und wenden Sie sich an Ihr Jobcenter:

    { $reset }

    Mit freundlichen Grüßen

    Ihr Jobcenter
