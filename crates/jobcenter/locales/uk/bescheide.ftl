# Bescheide und Nachweise (POR-3)
bescheide-title = Рішення та довідки
bescheide-intro = Тут ви знайдете рішення, довідки та листи, які ваш Jobcenter надав вам онлайн. Рішення вважається оголошеним наступного дня після першого завантаження.
bescheide-empty = Для вас ще немає документів.
bescheide-entry-text = Отримуйте рішення, довідки та листи вашого Jobcenter онлайн.
bescheide-new-count = Нових: { $anzahl }
bescheide-col-title = Назва
bescheide-col-kind = Вид
bescheide-col-date = Дата
bescheide-col-status = Статус
bescheide-status-neu = Нове
bescheide-status-bekannt = Оголошено { $datum }
bescheide-status-post = Надіслано поштою { $datum }
bescheide-widerspruch = Заперечення до
bescheide-level = Рівень довіри
bescheide-hoch-heading = Для цього документа потрібен вхід з онлайн-посвідченням
bescheide-hoch-not-yet = Вхід з онлайн-посвідченням або сертифікатом ELSTER на порталі ще недоступний. До того часу ви отримаєте цей документ поштою після закінчення строку отримання.
bescheide-abruf-hint = Відкриваючи документ, ви його отримуєте.
bescheide-abruf-hint-bescheid = Відкриваючи рішення, ви його отримуєте. Воно вважається оголошеним наступного дня; з цього моменту починається строк для заперечення.
bescheide-open = Відкрити документ (PDF)
bescheide-back = Назад до рішень і довідок
bescheide-art-bescheid = Рішення (Bescheid)
bescheide-art-nachweis = Довідка (Nachweis)
bescheide-art-schreiben = Лист (Schreiben)
bescheide-stufe-substantiell = суттєвий
bescheide-stufe-hoch = високий
bo-bescheide-title = Рішення та довідки
bo-bescheide-link = Переглянути та опублікувати документи
bo-bescheide-empty = Для цієї особи ще не опубліковано жодного документа.
bo-bescheide-col-delivery = Доставка
bo-bescheide-bereit = Надано онлайн { $bereit }, ще не отримано
bo-bescheide-abgerufen = Надано онлайн { $bereit }, отримано { $abruf }
bo-bescheide-post-ohne-einwilligung = Поштою { $datum } (немає згоди на онлайн-комунікацію)
bo-bescheide-post-nicht-abgerufen = Поштою { $datum } (не отримано вчасно)
bo-bescheide-publish = Опублікувати документ
bo-bescheide-publish-intro = За згоди на онлайн-комунікацію документ надається онлайн, а особу повідомляють електронною поштою (без змісту); інакше він потрапляє до черги друку.
bo-bescheide-date = Дата документа
bo-bescheide-date-hint = Формат ДД.ММ.РРРР
bo-bescheide-file = Файл PDF
bo-bescheide-error-art = Будь ласка, виберіть вид документа.
bo-bescheide-error-titel = Будь ласка, введіть назву довжиною не більше 200 символів.
bo-bescheide-error-datum = Будь ласка, введіть дату у форматі ДД.ММ.РРРР.
bo-bescheide-error-stufe = Будь ласка, виберіть рівень довіри.
bo-bescheide-error-datei = Будь ласка, виберіть рівно один файл PDF.
bo-bescheide-done-online = Документ надано онлайн; особу повідомлено електронною поштою.
bo-bescheide-done-post = Особа не погодилася на онлайн-комунікацію: документ у черзі друку.
bo-what-bescheide = Переглянуто рішення та довідки
portal-event-document-published = Документ надано в розділі «Рішення та довідки»
portal-event-document-retrieved = Документ отримано
portal-event-document-posted = Документ надіслано поштою
mail-bescheid-neu-subject = Новий документ у розділі «Рішення та довідки»
mail-bescheid-neu-body = Доброго дня,

    ваш Jobcenter надав вам онлайн новий документ (вид: { $art }).

    З міркувань захисту даних його зміст не наводиться в цьому листі. Ви можете отримати документ після входу:
    { $link }

    Рішення вважається оголошеним наступного дня після першого отримання. Якщо ви не отримаєте документ протягом 10 днів, його буде надіслано поштою.
bo-purpose-druck = Надсилання поштою (завдання друку)
bo-print-pdf = PDF для друку
bo-what-bescheid-pdf = Відкрито PDF документа
bo-bescheide-template = Текст листа (замість файлу PDF)
bo-bescheide-template-hint = З шаблону створюється лист з адресою, номером клієнта, датою та назвою; абзаци розділяйте порожнім рядком.
bo-bescheide-error-beides = Будь ласка, виберіть або файл PDF, або напишіть текст, але не обидва.
bo-bescheide-error-vorlage = Текст не вміщується на одну сторінку: не більше { $anzahl } символів.
bo-bescheide-freigabe-offen = Очікує на затвердження (принцип чотирьох очей)
bo-bescheide-release = Затвердити
bo-bescheide-done-freigabe = Документ очікує на затвердження другою особою.
bo-bescheide-error-nicht-offen = Цей документ не очікує на затвердження.
bo-bescheide-error-selbe-person = Принцип чотирьох очей: той, хто публікує документ, не може сам його затвердити.
bo-what-bescheid-freigabe = Документ затверджено
arbeit-art-veroeffentlichung = Затвердження документа
