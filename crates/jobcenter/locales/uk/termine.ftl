## "Termine" (portal/termine, backoffice/termine, POR-5)
termine-title = Зустрічі
termine-vereinbaren-title = Записатися на зустріч
termine-kommend = Майбутні зустрічі
termine-vergangen = Минулі та скасовані зустрічі
termine-keine = У вас немає майбутніх зустрічей.
termine-entry-text = Переглядати свої зустрічі, скасовувати їх і додавати до календаря, записуватися на нові зустрічі.
termin-wann = { $tag }, { $datum }, { $von }–{ $bis }
termin-ort = Місце
termin-kontakt = Контакт
termin-ort-telefon = Телефон: ми зателефонуємо вам за збереженим номером.
termin-ort-video = Відео: посилання з'явиться тут незадовго до зустрічі.
termin-art-vor-ort = Особисто
termin-art-telefon = Телефон
termin-art-video = Відео
termin-thema-arbeitsuche = Консультація з пошуку роботи
termin-thema-buergergeld = Питання щодо Bürgergeld
termin-thema-antrag = Допомога із заявою
termin-thema-unterlagen = Подання документів
termin-thema-frage = Про що йдеться?
termin-thema-fehler = Будь ласка, виберіть тему.
termin-freie-zeigen = Показати вільні зустрічі
termin-freie = Вільні зустрічі на наступні 4 тижні
termin-keine-freien = На цю тему в наступні 4 тижні немає вільних зустрічей. Будь ласка, зателефонуйте до свого джобцентру.
termin-plaetze = Вільних місць: { $anzahl }
termin-buchen = Записатися
termin-gebucht = Вас записано. Зустріч ви знайдете в розділі «Майбутні зустрічі».
termin-abgesagt = Вашу зустріч скасовано.
termin-zu-spaet = Цю зустріч уже не можна скасувати онлайн. Будь ласка, зателефонуйте до свого джобцентру.
termin-unbekannt = Такої зустрічі у вашому відділенні немає. Будь ласка, виберіть одну з вільних зустрічей.
termin-vergeben = Цю зустріч тим часом уже зайняли або вона вже почалася. Будь ласка, виберіть іншу.
termin-schon-gebucht = Ви вже записані на цю зустріч.
termin-kalender = Додати до календаря
termin-kalender-absage = Скасування для вашого календаря
termin-absagen = Скасувати зустріч
termin-absagen-telefon = Скасувати тут можна не пізніше ніж за { $stunden } год. до зустрічі; після цього, будь ласка, зателефонуйте до свого джобцентру.
termin-status-abgesagt = скасовано
termin-kalender-titel = Зустріч у джобцентрі: { $thema }
termin-kalender-text = Ваша зустріч у джобцентрі. Питання: { $kontakt }. Будь ласка, візьміть із собою посвідчення особи.
portal-event-appointment-booked = Записано на зустріч
portal-event-appointment-cancelled = Зустріч скасовано
bo-nav-termine = Зустрічі
bo-termine-title = Зустрічі для запису
bo-termine-naechste = Наступні 4 тижні
bo-termine-keine = Ваше відділення не опублікувало зустрічей для запису на наступні 4 тижні.
bo-termine-wann = Коли
bo-termine-art = Вид
bo-termine-thema = Тема
bo-termine-ort = Місце
bo-termine-belegt = Записано / місць
bo-termine-neu = Опублікувати зустріч для запису
bo-termine-datum = Дата
bo-termine-uhrzeit = Час
bo-termine-minuten = Тривалість у хвилинах
bo-termine-plaetze = Місця
bo-termine-ort-feld = Місце та кімната
bo-termine-ort-hinweis = Для особистих зустрічей: адреса та кімната, наприклад «Rollnerstraße 8, кімната 2.14».
bo-termine-anlegen = Опублікувати
bo-termine-angelegt = Зустріч опубліковано, на неї можна записатися.
bo-termine-fehler-beginn = Будь ласка, вкажіть дату й час у майбутньому.
bo-termine-fehler-minuten = Будь ласка, вкажіть тривалість від 5 до 480 хвилин.
bo-termine-fehler-art = Будь ласка, виберіть вид зустрічі.
bo-termine-fehler-thema = Будь ласка, виберіть тему.
bo-termine-fehler-plaetze = Будь ласка, вкажіть від 1 до 50 місць.
bo-termine-fehler-ort = Для особистих зустрічей вкажіть адресу та кімнату (не більше 200 символів).
termin-erinnerung-sms = Jobcenter: нагадування про вашу зустріч { $datum } о { $zeit } ({ $art }).
mail-termin-erinnerung-subject = Нагадування про вашу зустріч у джобцентрі
mail-termin-erinnerung-body = Добрий день,

    нагадуємо про вашу зустріч { $datum } о { $zeit } ({ $art }). Подробиці ви побачите після входу в розділі «Зустрічі»:
    { $link }

    Більше не отримувати нагадувань про зустрічі електронною поштою (без входу):
    { $abbestellen }
termin-abbestellen-title = Нагадування про зустрічі електронною поштою
termin-erinnerung-ist-an = Перед зустрічами ви отримуєте нагадування електронною поштою.
termin-erinnerung-ist-aus = Перед зустрічами ви не отримуєте нагадувань електронною поштою.
termin-erinnerung-abbestellen = Відмовитися від нагадувань електронною поштою
termin-erinnerung-einschalten = Знову ввімкнути нагадування електронною поштою
termin-abbestellt = Ви більше не отримуватимете нагадувань про зустрічі електронною поштою.
termin-wieder-an = Ви знову отримуватимете нагадування про зустрічі електронною поштою.
termin-erinnerung-sms-hinweis = SMS-нагадування вмикаються та вимикаються після входу в розділі «Редагувати профіль», «Параметри комунікації».
termin-thema-einladung = Запрошення
termin-einladung = Запрошення
termin-rechtsfolgen = Правові наслідки: ви зобов'язані з'явитися на цю зустріч (§ 59 SGB II у поєднанні з § 309 SGB III). Якщо ви не з'явитеся без поважної причини, вашу допомогу Bürgergeld можуть зменшити на один місяць на 10 відсотків від відповідної базової потреби (§ 32 SGB II). Якщо ви не можете прийти, будь ласка, повідомте нам про це заздалегідь із зазначенням причини.
termin-bestaetigen = Підтвердити участь
termin-bestaetigt = Дякуємо. Ви підтвердили свою участь.
termin-stand-bestaetigt = Участь підтверджено
termin-stand-verschiebung = Ваш запит на перенесення зустрічі опрацьовується. До відповіді зустріч залишається в силі.
termin-verschieben-title = Попросити перенести
termin-verschieben-senden = Надіслати запит
termin-grund = Чому ви не можете прийти на зустріч?
termin-grund-hinweis = Будь ласка, вкажіть причину і коли ви могли б прийти натомість. Не більше 2000 символів.
termin-grund-fehler = Будь ласка, вкажіть причину (не більше 2000 символів).
termin-verschiebung-gesendet = Ваш запит надіслано. Ви отримаєте відповідь; до того часу зустріч залишається в силі.
termin-antwort = Відповідь джобцентру
termin-video-link = Приєднатися до відеозустрічі
termin-stattgefunden = Відбулася
termin-nicht-erschienen = Не з'явилися
portal-event-appointment-invited = Запрошено на зустріч
portal-event-appointment-move-requested = Запит на перенесення зустрічі
portal-event-appointment-move-answered = На запит на перенесення надано відповідь
arbeit-art-termin = Перенесення зустрічі
mail-termin-einladung-subject = Запрошення на зустріч у джобцентрі
mail-termin-einladung-body = Добрий день,

    ваш джобцентр запрошує вас на зустріч. З міркувань захисту даних подробиці не наводяться в цьому листі.

    Запрошення ви побачите після входу в розділі «Зустрічі»:
    { $link }
mail-termin-antwort-subject = Відповідь щодо вашої зустрічі
mail-termin-antwort-body = Добрий день,

    ваш джобцентр відповів на ваш запит на перенесення зустрічі. З міркувань захисту даних зміст не наводиться в цьому листі.

    Відповідь ви побачите після входу в розділі «Зустрічі»:
    { $link }
bo-einladung-title = Зустрічі
bo-einladung-link = Переглянути зустрічі та запросити
bo-einladung-keine = Для цієї особи немає зустрічей.
bo-einladung-neu = Запросити на зустріч
bo-einladung-video = Посилання на відеозустріч
bo-einladung-video-hinweis = Лише для відеозустрічей: адреса https. Особа побачить посилання лише незадовго до зустрічі.
bo-einladung-zweck = Про що йдеться?
bo-einladung-senden = Надіслати запрошення
bo-einladung-online = Запрошення надано онлайн; особу повідомлено електронною поштою.
bo-einladung-papier = Особа не користується онлайн-комунікацією: запрошення в черзі друку.
bo-einladung-gespeichert = Збережено; особу повідомлено, де це потрібно.
bo-einladung-aktion-fehler = Не вдалося: вкажіть нову дату з часом у майбутньому або відповідь.
bo-einladung-fehler-video = Для відеозустрічей вкажіть посилання, що починається з https://.
bo-einladung-fehler-zweck = Будь ласка, вкажіть, про що йдеться (не більше 1000 символів).
bo-termin-grund = Причина особи
bo-termin-verschieben = Перенести на нову дату
bo-termin-antwort = Відповідь, якщо зустріч залишається
bo-termin-ablehnen = Відхилити перенесення
bo-termin-stand-gebucht = Записано
bo-termin-stand-eingeladen = Запрошено
bo-termin-stand-bestaetigt = Участь підтверджено
bo-termin-stand-verschiebung = Запит на перенесення
bo-termin-stand-abgesagt = Скасовано
bo-what-termine = Переглянуто зустрічі
bo-what-termin = Зустріч опрацьовано
bo-termine-tag = Денний перегляд
bo-termine-mitarbeiter = Працівник або працівниця
bo-termine-alle = Усі
bo-termine-zeigen = Показати
bo-termine-tag-leer = Цього дня зустрічей немає.
bo-termine-tag-datum = День
