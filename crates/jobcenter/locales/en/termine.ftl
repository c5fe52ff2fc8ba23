## "Termine" (portal/termine, backoffice/termine, POR-5)
termine-title = Appointments
termine-vereinbaren-title = Book an appointment
termine-kommend = Upcoming appointments
termine-vergangen = Past and cancelled appointments
termine-keine = You have no upcoming appointments.
termine-entry-text = View your appointments, cancel them and add them to your calendar, book new appointments.
termin-wann = { $tag }, { $datum }, { $von }–{ $bis }
termin-ort = Place
termin-kontakt = Contact
termin-ort-telefon = Phone: we will call you on the number we have on file.
termin-ort-video = Video: you will see the link here shortly before the appointment.
termin-art-vor-ort = In person
termin-art-telefon = Phone
termin-art-video = Video
termin-thema-arbeitsuche = Advice on looking for work
termin-thema-buergergeld = Questions about Bürgergeld
termin-thema-antrag = Help with an application
termin-thema-unterlagen = Handing in documents
termin-thema-frage = What is it about?
termin-thema-fehler = Please choose a topic.
termin-freie-zeigen = Show free appointments
termin-freie = Free appointments in the next 4 weeks
termin-keine-freien = There are no free appointments on this topic in the next 4 weeks. Please call your jobcenter.
termin-plaetze = Places left: { $anzahl }
termin-buchen = Book appointment
termin-gebucht = Your appointment is booked. You will find it under “Upcoming appointments”.
termin-abgesagt = Your appointment has been cancelled.
termin-zu-spaet = This appointment can no longer be cancelled online. Please call your jobcenter.
termin-unbekannt = This appointment does not exist at your office. Please choose one of the free appointments.
termin-vergeben = This appointment has been taken in the meantime or has already started. Please choose another one.
termin-schon-gebucht = You have already booked this appointment.
termin-kalender = Add to calendar
termin-kalender-absage = Cancellation for your calendar
termin-absagen = Cancel appointment
termin-absagen-telefon = You can cancel here up to { $stunden } hours before the appointment; after that, please call your jobcenter.
termin-status-abgesagt = cancelled
termin-kalender-titel = Appointment at the jobcenter: { $thema }
termin-kalender-text = Your appointment at the jobcenter. Questions: { $kontakt }. Please bring an ID document.
portal-event-appointment-booked = Appointment booked
portal-event-appointment-cancelled = Appointment cancelled
bo-nav-termine = Appointments
bo-termine-title = Appointments for booking
bo-termine-naechste = The next 4 weeks
bo-termine-keine = Your office has not published any appointments for booking in the next 4 weeks.
bo-termine-wann = When
bo-termine-art = Kind
bo-termine-thema = Topic
bo-termine-ort = Place
bo-termine-belegt = Booked / places
bo-termine-neu = Publish an appointment for booking
bo-termine-datum = Date
bo-termine-uhrzeit = Time
bo-termine-minuten = Duration in minutes
bo-termine-plaetze = Places
bo-termine-ort-feld = Place and room
bo-termine-ort-hinweis = For appointments in person: address and room, for example “Rollnerstraße 8, room 2.14”.
bo-termine-anlegen = Publish
bo-termine-angelegt = The appointment is published and can be booked.
bo-termine-fehler-beginn = Please enter a date and time in the future.
bo-termine-fehler-minuten = Please enter a duration of 5 to 480 minutes.
bo-termine-fehler-art = Please choose the kind of appointment.
bo-termine-fehler-thema = Please choose a topic.
bo-termine-fehler-plaetze = Please enter 1 to 50 places.
bo-termine-fehler-ort = For appointments in person, please enter the address and room (at most 200 characters).
termin-erinnerung-sms = Jobcenter: reminder of your appointment on { $datum } at { $zeit } ({ $art }).
mail-termin-erinnerung-subject = Reminder of your appointment at the jobcenter
mail-termin-erinnerung-body = Hello,

    this is a reminder of your appointment on { $datum } at { $zeit } ({ $art }). After signing in you will find the details under “Appointments”:
    { $link }

    Stop receiving e-mail reminders of appointments (no sign-in needed):
    { $abbestellen }
termin-abbestellen-title = E-mail reminders of appointments
termin-erinnerung-ist-an = You receive an e-mail reminder before your appointments.
termin-erinnerung-ist-aus = You do not receive e-mail reminders before your appointments.
termin-erinnerung-abbestellen = Stop e-mail reminders
termin-erinnerung-einschalten = Switch e-mail reminders on again
termin-abbestellt = You will no longer receive e-mail reminders of appointments.
termin-wieder-an = You will receive e-mail reminders of appointments again.
termin-erinnerung-sms-hinweis = You switch SMS reminders on or off after signing in under “Edit profile”, “Communication options”.
termin-thema-einladung = Invitation
termin-einladung = Invitation
termin-rechtsfolgen = Legal consequences: you are obliged to attend this appointment (section 59 SGB II in conjunction with section 309 SGB III). If you do not attend without an important reason, your Bürgergeld can be reduced for one month by 10 percent of the relevant standard needs (section 32 SGB II). If you cannot attend, please let us know beforehand and give the reason.
termin-bestaetigen = Confirm attendance
termin-bestaetigt = Thank you. You have confirmed your attendance.
termin-stand-bestaetigt = Attendance confirmed
termin-stand-verschiebung = Your request to move the appointment is being processed. Until you receive an answer, the appointment stands.
termin-verschieben-title = Ask to move
termin-verschieben-senden = Send request
termin-grund = Why can you not attend the appointment?
termin-grund-hinweis = Please give the reason and when you could come instead. At most 2000 characters.
termin-grund-fehler = Please give the reason (at most 2000 characters).
termin-verschiebung-gesendet = Your request has been sent. You will receive an answer; until then, the appointment stands.
termin-antwort = Answer from the jobcenter
termin-video-link = Join the video session
termin-stattgefunden = Took place
termin-nicht-erschienen = Did not attend
portal-event-appointment-invited = Invited to an appointment
portal-event-appointment-move-requested = Asked to move an appointment
portal-event-appointment-move-answered = Request to move answered
arbeit-art-termin = Moving an appointment
mail-termin-einladung-subject = Invitation to an appointment at the jobcenter
mail-termin-einladung-body = Hello,

    your jobcenter invites you to an appointment. For data protection reasons, the details are not included in this e-mail.

    After signing in you will find the invitation under “Appointments”:
    { $link }
mail-termin-antwort-subject = Answer about your appointment
mail-termin-antwort-body = Hello,

    your jobcenter has answered your request to move an appointment. For data protection reasons, the content is not included in this e-mail.

    After signing in you will find the answer under “Appointments”:
    { $link }
bo-einladung-title = Appointments
bo-einladung-link = View appointments and invite
bo-einladung-keine = There are no appointments for this person.
bo-einladung-neu = Invite to an appointment
bo-einladung-video = Link to the video session
bo-einladung-video-hinweis = Only for video appointments: an https address. The person sees the link only shortly before the appointment.
bo-einladung-zweck = What is it about?
bo-einladung-senden = Send invitation
bo-einladung-online = The invitation was provided online; the person was notified by e-mail.
bo-einladung-papier = The person does not use online communication: the invitation is in the print queue.
bo-einladung-gespeichert = Saved; the person was notified where needed.
bo-einladung-aktion-fehler = That did not work: please enter a new date with a time in the future, or an answer.
bo-einladung-fehler-video = For video appointments, please enter a link starting with https://.
bo-einladung-fehler-zweck = Please state what it is about (at most 1000 characters).
bo-termin-grund = The person's reason
bo-termin-verschieben = Move to a new date
bo-termin-antwort = Answer if the appointment stays
bo-termin-ablehnen = Decline to move
bo-termin-stand-gebucht = Booked
bo-termin-stand-eingeladen = Invited
bo-termin-stand-bestaetigt = Attendance confirmed
bo-termin-stand-verschiebung = Move requested
bo-termin-stand-abgesagt = Cancelled
bo-what-termine = Appointments viewed
bo-what-termin = Appointment handled
bo-termine-tag = Day view
bo-termine-mitarbeiter = Staff member
bo-termine-alle = All
bo-termine-zeigen = Show
bo-termine-tag-leer = There are no appointments on this day.
bo-termine-tag-datum = Day
