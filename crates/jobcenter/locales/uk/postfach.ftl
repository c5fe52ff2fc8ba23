# Поштова скринька з питань виплат і з питань працевлаштування (POR-2)
postfach-leistung = Поштова скринька з питань виплат (Leistungspostfach)
postfach-vermittlung = Поштова скринька з питань працевлаштування (Vermittlungspostfach)
postfach-leistung-intro = Питання щодо ваших виплат, заяв і рішень: ваше повідомлення надійде до служби виплат, питання щодо зустрічей — до вашої контактної особи.
postfach-vermittlung-intro = Питання щодо роботи, пошуку роботи та підтримки: ваше повідомлення надійде до вашої контактної особи.
postfach-oko-heading = Онлайн-комунікацію не активовано
postfach-oko-activate = Активувати зараз
postfach-new = Нове повідомлення
postfach-new-title = Нове повідомлення
postfach-new-intro = Ваше повідомлення до Jobcenter у скриньці «{ $postfach }».
postfach-empty = У цій скриньці ще немає повідомлень.
postfach-col-subject = Тема
postfach-col-concern = Питання
postfach-col-last = Останнє повідомлення
postfach-unread = Нове
postfach-unread-count = Непрочитаних: { $anzahl }
postfach-closed = Завершено
postfach-concern-legend = Питання
postfach-subject = Тема
postfach-subject-hint = Не більше { $anzahl } символів.
postfach-text = Повідомлення
postfach-text-hint = Не більше { $anzahl } символів.
postfach-send = Надіслати
postfach-thread-title = Повідомлення
postfach-sent = Ваше повідомлення надіслано.
postfach-messages = Повідомлення
postfach-from-jobcenter = Джобцентр ({ $name })
postfach-representative = (уповноважена особа)
postfach-reply = Відповісти
postfach-back = Назад до скриньки «{ $postfach }»
postfach-error-anliegen-fehlt = Будь ласка, виберіть питання.
postfach-error-betreff-fehlt = Будь ласка, введіть тему.
postfach-error-betreff-zu-lang = Тема може містити не більше { $max_betreff } символів.
postfach-error-text-fehlt = Будь ласка, напишіть повідомлення.
postfach-error-text-zu-lang = Повідомлення може містити не більше { $max_text } символів.
postfach-error-geschlossen = Цю розмову завершено. Будь ласка, напишіть нове повідомлення.
postfach-anliegen-antrag = Питання щодо моєї заяви
postfach-anliegen-bescheid = Питання щодо мого рішення
postfach-anliegen-zahlung = Виплати
postfach-anliegen-veraenderung = Зміни (дохід, житло, домогосподарство)
postfach-anliegen-termin-leistung = Зустрічі
postfach-anliegen-sonstiges-leistung = Інше
postfach-anliegen-bewerbung = Пошук роботи та вакансії
postfach-anliegen-kooperationsplan = План співпраці
postfach-anliegen-weiterbildung = Підвищення кваліфікації та підтримка
postfach-anliegen-termin-vermittlung = Зустрічі
postfach-anliegen-sonstiges-vermittlung = Інше
arbeit-art-nachricht = Повідомлення з поштової скриньки
bo-thread-title = Повідомлення з поштової скриньки
bo-thread-reply = Відповідь клієнтові
bo-thread-sent = Відповідь надіслано.
bo-thread-closed = Розмову завершено. Щоб відповісти, знову візьміть завдання в роботу.
bo-what-nachricht = Відкрито повідомлення з поштової скриньки
mail-postfach-neu-subject = Нове повідомлення у вашій поштовій скриньці
mail-postfach-neu-body = Доброго дня,

    у вашій скриньці «{ $postfach }» на jobcenter.digital є нове повідомлення від вашого Jobcenter.

    З міркувань захисту даних його зміст не наводиться в цьому листі. Ви можете прочитати повідомлення після входу:
    { $link }

    Ви отримуєте цей лист, бо увімкнули сповіщення електронною поштою про нові повідомлення. Змінити це можна у своєму профілі в розділі параметрів зв’язку.
postfach-error-zu-viele-anhaenge = Повідомлення може мати не більше { $max_anhaenge } вкладень.
portal-event-attachment-opened = Відкрито вкладення повідомлення
postfach-attachments = Вкладення
postfach-attach = Додати файли (необов’язково)
postfach-attach-hint = Не більше { $anzahl } вкладень до одного повідомлення.
postfach-draft-save = Зберегти чернетку
postfach-draft-saved = Вашу чернетку збережено. Ви можете продовжити її пізніше.
postfach-draft-attachments = Уже додано
postfach-draft-remove = Видалити «{ $datei }»
postfach-drafts = Чернетки
postfach-draft-untitled = Чернетка без теми
bo-what-anhang = Відкрито вкладення повідомлення
postfach-sms-neu = Нове повідомлення від вашого Jobcenter у поштовій скриньці на jobcenter.digital. Увійдіть, щоб прочитати його.
