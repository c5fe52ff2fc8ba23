# Завантаження файлів (POR-4), дії від імені клієнтів, журнал.
portal-no-right-title = Не дозволено
portal-no-right-text = З цим профілем ви не можете користуватися цією функцією. Представники мають лише права, визначені довіреністю; налаштування та згоди змінює лише сам клієнт.
portal-no-right-switch = Змінити профіль
list-next-page = Показати більше записів
portal-event-files-sent = Файли надіслано
portal-event-file-quarantined = Файл заблоковано через виявлене шкідливе ПЗ
portal-event-item-in-progress = Jobcenter узяв в обробку
portal-event-item-done = Jobcenter завершив обробку
portal-event-message-sent = Повідомлення надіслано до Jobcenter
portal-event-message-answered = Відповідь Jobcenter у поштовій скриньці
portal-event-message-read = Відповідь Jobcenter прочитано
recht-nachrichten = Писати повідомлення до Jobcenter
recht-antraege = Переглядати поточні заяви
recht-bescheide = Переглядати рішення та листи
recht-hochladen = Завантажувати документи
recht-benachrichtigungen = Отримувати сповіщення
recht-buergergeld = Подавати нову заяву на Bürgergeld
recht-veraenderung = Надсилати повідомлення про зміни
recht-weiterbewilligung = Подавати заяву на продовження
portal-upload-entry = Завантажити файл
portal-upload-entry-text = Надсилати файли на різні теми онлайн
upload-title = Завантажити файл
upload-intro = Надсилайте файли на різні теми онлайн. Тут ви можете легко, швидко та безпечно надіслати документи до свого Jobcenter.
upload-topic-legend = Про що йдеться?
upload-topic-geldleistung = Грошові виплати
upload-topic-geldleistung-hint = Коли йдеться про ваше громадянське грошове забезпечення (Bürgergeld).
upload-topic-vermittlung = Посередництво
upload-topic-vermittlung-hint = Коли йдеться про роботу та/або кваліфікацію.
upload-topic-bildung-teilhabe = Освіта та участь
upload-topic-bildung-teilhabe-hint = Коли ваша дитина отримує дотації з освітнього пакету (Bildungspaket).
upload-message-label = Повідомлення (необов'язково)
upload-message-hint = Щонайбільше { $anzahl } символів.
upload-files-label = Вибрати файли
upload-files-types = Дозволено PDF, JPEG, PNG та HEIC (фото зі смартфона).
upload-files-limit-file = Кожен файл — щонайбільше { $mb } МБ,
upload-files-limit-count = щонайбільше { $anzahl } файлів,
upload-files-limit-total = разом щонайбільше { $mb } МБ.
upload-camera-label = Або: зробити фото
upload-camera-hint = На смартфоні відкриває камеру.
upload-combine-label = Надіслати як один документ
upload-combine-hint = Кілька фото одного паперового документа об'єднуються в один PDF-файл у вибраному порядку (лише JPEG і PNG).
upload-send = Надіслати
upload-support = При технічних проблемах зверніться до технічної підтримки: 0800 4 5555 01 (безкоштовно).
upload-error-leer = «{ $datei }» порожній. Будь ласка, виберіть файл ще раз.
upload-error-zu-gross = «{ $datei }» більший за { $mb } МБ. Будь ласка, зменште файл або розділіть його.
upload-error-art = «{ $datei }» не є файлом PDF, JPEG, PNG або HEIC. Будь ласка, надішліть файл в одному з цих форматів.
upload-error-verschluesselt = «{ $datei }» зашифрований або захищений паролем. Будь ласка, надішліть файл без пароля.
upload-error-aktiv = «{ $datei }» містить активний вміст (наприклад, скрипти або вбудовані файли). Будь ласка, роздрукуйте файл у новий PDF і надішліть його.
upload-error-beschaedigt = «{ $datei }» пошкоджений або неповний. Будь ласка, збережіть або сфотографуйте документ ще раз.
upload-error-bild-zu-gross = «{ $datei }» має забагато пікселів. Будь ласка, надішліть менше фото.
upload-error-mehrdeutig = «{ $datei }» одночасно є зображенням і PDF, тому не приймається. Будь ласка, збережіть файл заново.
upload-error-too-many = Будь ласка, надсилайте щонайбільше { $anzahl } файлів за раз.
upload-error-total = Разом файли більші за { $mb } МБ. Будь ласка, надішліть їх у кілька етапів.
upload-error-form = Форма надійшла не повністю. Будь ласка, оновіть сторінку та надішліть її ще раз.
upload-error-topic = Будь ласка, виберіть, про що йдеться.
upload-error-message = Повідомлення задовге (щонайбільше { $anzahl } символів).
upload-error-none = Будь ласка, виберіть принаймні один файл.
upload-error-combine = «{ $datei }» не можна об'єднати з іншими фото в один документ (лише JPEG і PNG). Будь ласка, надішліть його окремо.
upload-combined-title = Об'єднаний документ
upload-combined-name = Документ
upload-receipt-title = Ваші файли надійшли
upload-receipt-text = Дякуємо. Ваш Jobcenter отримав ваші файли та опрацює їх.
upload-receipt-topic = Тема
upload-receipt-time = Надійшло
upload-receipt-files = Надіслані файли
upload-receipt-name = Файл
upload-receipt-size = Розмір
upload-receipt-hash = Контрольна сума (SHA-256)
upload-quarantined = заблоковано
upload-receipt-mail = Це підтвердження надходження ви також отримаєте електронною поштою (без вмісту файлів).
upload-again = Надіслати ще файли
mail-upload-receipt-subject = Підтвердження надходження: ваші файли надійшли
mail-upload-receipt-body = Добрий день,

    ваш Jobcenter отримав ваші файли.

    Тема: { $thema }
    Надійшло: { $zeit }

    { $dateien }

    Контрольна сума (SHA-256) показує, що файли надійшли без змін.
