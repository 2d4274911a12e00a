<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>memory</source>
        <translation>recuerdo</translation>
    </message>
    <message>
        <source>memories</source>
        <translation>recuerdos</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>plan</translation>
    </message>
    <message>
        <source>plans</source>
        <translation>planes</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>foto</translation>
    </message>
    <message>
        <source>photos</source>
        <translation>fotos</translation>
    </message>
    <message>
        <source>special date</source>
        <translation>fecha especial</translation>
    </message>
    <message>
        <source>special dates</source>
        <translation>fechas especiales</translation>
    </message>
    <message>
        <source>{who} added {what}</source>
        <translation>{who} añadió {what}</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About LoveBridge</source>
        <translation>Acerca de LoveBridge</translation>
    </message>
    <message>
        <source>LoveBridge {version}</source>
        <translation>LoveBridge {version}</translation>
    </message>
    <message>
        <source>Notes, memories and time together, for two.
Everything stays on this laptop: no account, no server, no tracking.</source>
        <translation>Notas, recuerdos y tiempo juntos, para dos.
Todo se queda en este portátil: sin cuenta, sin servidor, sin rastreo.</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Nothing planned yet. The Ideas tab has plenty to start with.</source>
        <translation>Aún no hay nada planeado. La pestaña Ideas tiene mucho para empezar.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
</context>
<context>
    <name>AppReminders</name>
    <message>
        <source>LoveBridge is still here in the tray, so reminders can reach you. Quit it from the tray menu.</source>
        <translation>LoveBridge sigue aquí, en la bandeja del sistema, para que los recordatorios te lleguen. Puedes cerrarlo desde el menú de la bandeja.</translation>
    </message>
    <message>
        <source>Dates &amp;&amp; reminders</source>
        <translation>Citas &amp;&amp; recordatorios</translation>
    </message>
</context>
<context>
    <name>AwayPanel</name>
    <message>
        <source>While you were away</source>
        <translation>Mientras no estabas</translation>
    </message>
    <message>
        <source>Thanks</source>
        <translation>Gracias</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <source>Saving the backup as one file…</source>
        <translation>Guardando la copia de seguridad en un solo archivo…</translation>
    </message>
    <message>
        <source>Backing up to {name}…</source>
        <translation>Haciendo una copia en {name}…</translation>
    </message>
    <message>
        <source>Backed up to {name}: {contents}, {size}.</source>
        <translation>Copia guardada en {name}: {contents}, {size}.</translation>
    </message>
    <message>
        <source>Checking the backup {name}…</source>
        <translation>Comprobando la copia {name}…</translation>
    </message>
    <message>
        <source>Restoring: keeping a copy of what is here now…</source>
        <translation>Restaurando: guardando una copia de lo que hay ahora…</translation>
    </message>
    <message>
        <source>Your backup is back</source>
        <translation>Vuestra copia ha vuelto</translation>
    </message>
    <message>
        <source>LoveBridge now holds the backup from {when}. What was here before is kept as a backup named {name}.</source>
        <translation>LoveBridge tiene ahora la copia del {when}. Lo que había antes se guarda como una copia llamada {name}.</translation>
    </message>
    <message>
        <source>Backing up automatically…</source>
        <translation>Haciendo la copia de seguridad automática…</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup was skipped: the disk is full. It needs about {mb} MB more free space; the backups made before are kept.</source>
        <translation>La copia de seguridad automática de hoy se ha omitido: el disco está lleno. Necesita unos {mb} MB más de espacio libre; las copias anteriores se conservan.</translation>
    </message>
    <message>
        <source>Stopped as you asked; nothing was changed.</source>
        <translation>Detenido como pediste; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The file could not be written or read ({reason}).</source>
        <translation>No se pudo escribir o leer el archivo ({reason}).</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was changed.</source>
        <translation>Algo inesperado salió mal; no se cambió nada.</translation>
    </message>
    <message>
        <source>LoveBridge</source>
        <translation>LoveBridge</translation>
    </message>
</context>
<context>
    <name>BackupWords</name>
    <message numerus="yes">
        <source>%Ln note(s)</source>
        <translation>
            <numerusform>%Ln nota</numerusform>
            <numerusform>%Ln notas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln memory(s)</source>
        <translation>
            <numerusform>%Ln recuerdo</numerusform>
            <numerusform>%Ln recuerdos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln foto</numerusform>
            <numerusform>%Ln fotos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln plan(s)</source>
        <translation>
            <numerusform>%Ln plan</numerusform>
            <numerusform>%Ln planes</numerusform>
        </translation>
    </message>
    <message>
        <source>{list} and {last}</source>
        <translation>{list} y {last}</translation>
    </message>
</context>
<context>
    <name>BookDialog</name>
    <message>
        <source>Our year in a book</source>
        <translation>Nuestro año en un libro</translation>
    </message>
    <message>
        <source>A print-ready PDF: a cover, then a page for every memory with its photos and story. Print it at home or take it to a print shop.</source>
        <translation>Un PDF listo para imprimir: una portada y una página por recuerdo con sus fotos y su historia. Imprímelo en casa o llévalo a una imprenta.</translation>
    </message>
    <message>
        <source>The {n} memories chosen</source>
        <translation>Los {n} recuerdos elegidos</translation>
    </message>
    <message>
        <source>Which memories</source>
        <translation>Qué recuerdos</translation>
    </message>
    <message>
        <source>Write the stories in a handwriting font</source>
        <translation>Escribir las historias con letra manuscrita</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Make the book…</source>
        <translation>Hacer el libro…</translation>
    </message>
    <message>
        <source>Save the book</source>
        <translation>Guardar el libro</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Making the book…</source>
        <translation>Haciendo el libro…</translation>
    </message>
    <message>
        <source>Laying out memory {done} of {total}…</source>
        <translation>Maquetando el recuerdo {done} de {total}…</translation>
    </message>
    <message>
        <source>Saved {name} ({pages} pages).</source>
        <translation>Guardado {name} ({pages} páginas).</translation>
    </message>
    <message>
        <source>The disk is full: the book needs about {mb} MB more free space there. Free some space or choose another folder.</source>
        <translation>El disco está lleno: el libro necesita unos {mb} MB más de espacio libre ahí. Libera espacio o elige otra carpeta.</translation>
    </message>
    <message>
        <source>The book could not be saved there. Try another folder.</source>
        <translation>No se pudo guardar el libro ahí. Prueba con otra carpeta.</translation>
    </message>
</context>
<context>
    <name>BookWords</name>
    <message numerus="yes">
        <source>%n memory(s)</source>
        <translation>
            <numerusform>%n recuerdo</numerusform>
            <numerusform>%n recuerdos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarFilesMixin</name>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>The calendar file could not be written.</source>
        <translation>No se pudo escribir el archivo de calendario.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n plan(s) to {file}. Open it on a phone to add it to its calendar.</source>
        <translation>
            <numerusform>Se guardó %n plan en {file}. Ábrelo en un móvil para añadirlo a su calendario.</numerusform>
            <numerusform>Se guardaron %n planes en {file}. Ábrelo en un móvil para añadirlos a su calendario.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Leyendo {file}…</translation>
    </message>
    <message>
        <source>The calendar could not be saved; nothing was changed.</source>
        <translation>No se pudo guardar el calendario; no se cambió nada.</translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation>No se pudo abrir el archivo.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Save calendar file</source>
        <translation>Guardar archivo de calendario</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Archivos de calendario (*.ics)</translation>
    </message>
    <message>
        <source>Import a calendar file</source>
        <translation>Importar un archivo de calendario</translation>
    </message>
    <message>
        <source>Calendar files (*.ics);;All files (*)</source>
        <translation>Archivos de calendario (*.ics);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>CancellableProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stopping after the memory being written…</source>
        <translation>Parando cuando termine el recuerdo que se está guardando…</translation>
    </message>
</context>
<context>
    <name>CheckInSheet</name>
    <message>
        <source>Check-in</source>
        <translation>Charla</translation>
    </message>
    <message>
        <source>Our check-in</source>
        <translation>Nuestra charla</translation>
    </message>
    <message>
        <source>Phones away. Take turns: one of you talks, the other listens and says back what they heard. There are no wrong answers, and you can stop whenever you like.</source>
        <translation>Fuera teléfonos. Por turnos: uno habla y el otro escucha y repite lo que ha oído. No hay respuestas equivocadas, y podéis parar cuando queráis.</translation>
    </message>
    <message>
        <source>Different questions</source>
        <translation>Otras preguntas</translation>
    </message>
    <message>
        <source>What we talked about, and what we want to try</source>
        <translation>De qué hablamos y qué queremos probar</translation>
    </message>
    <message>
        <source>Only the two of you will see this.</source>
        <translation>Solo vosotros dos veréis esto.</translation>
    </message>
    <message>
        <source>Our next check-in</source>
        <translation>Nuestra próxima charla</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>Keep our notes</source>
        <translation>Guardar nuestras notas</translation>
    </message>
    <message>
        <source>Start anywhere: how has this week felt for each of you?</source>
        <translation>Empezad por donde queráis: ¿cómo se ha sentido esta semana cada uno?</translation>
    </message>
</context>
<context>
    <name>CoachBar</name>
    <message numerus="yes">
        <source>…and %n more thought(s) once these are settled.</source>
        <translation>
            <numerusform>…y una idea más cuando hayas resuelto estas.</numerusform>
            <numerusform>…y %n ideas más cuando hayas resuelto estas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Try “I feel…”</source>
        <translation>Prueba con «Siento…»</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>ComingUpCard</name>
    <message>
        <source>Coming up</source>
        <translation>Próximamente</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>mañana</translation>
    </message>
    <message>
        <source>in {n} days</source>
        <translation>dentro de {n} días</translation>
    </message>
    <message>
        <source>Your anniversary is {when}</source>
        <translation>Vuestro aniversario es {when}</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) together</source>
        <translation>
            <numerusform>%n año juntos</numerusform>
            <numerusform>%n años juntos</numerusform>
        </translation>
    </message>
    <message>
        <source>{title} on {day}</source>
        <translation>{title} el {day}</translation>
    </message>
    <message>
        <source>On this day in {year}: {title}</source>
        <translation>Tal día como hoy en {year}: {title}</translation>
    </message>
    <message>
        <source>Nothing on the calendar just now — a small note needs no occasion.</source>
        <translation>Nada en el calendario por ahora: una notita no necesita ocasión.</translation>
    </message>
    <message>
        <source>Write for it</source>
        <translation>Escribir para ello</translation>
    </message>
    <message>
        <source>Write a note for: {what}</source>
        <translation>Escribir una nota para: {what}</translation>
    </message>
</context>
<context>
    <name>ComposePage</name>
    <message>
        <source>← Your notes</source>
        <translation>← Tus notas</translation>
    </message>
    <message>
        <source>Memory to draw on</source>
        <translation>Recuerdo en el que inspirarte</translation>
    </message>
    <message>
        <source>A memory to draw on</source>
        <translation>Un recuerdo en el que inspirarte</translation>
    </message>
    <message>
        <source>Private to me</source>
        <translation>Solo para mí</translation>
    </message>
    <message>
        <source>Kept on this laptop only: never sent to your partner&apos;s laptop when sharing</source>
        <translation>Se queda solo en este portátil: nunca se envía al portátil de tu pareja al compartir</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Sugerencias</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Print the note…</source>
        <translation>Imprimir la nota…</translation>
    </message>
    <message>
        <source>Who is writing this note</source>
        <translation>Quién escribe esta nota</translation>
    </message>
    <message>
        <source>{name} writing</source>
        <translation>Escribe {name}</translation>
    </message>
    <message>
        <source>{name} is writing</source>
        <translation>{name} está escribiendo</translation>
    </message>
    <message>
        <source>No memory chosen</source>
        <translation>Sin recuerdo</translation>
    </message>
    <message>
        <source>A reply to {name}&apos;s note</source>
        <translation>Una respuesta a la nota de {name}</translation>
    </message>
    <message>
        <source>your partner</source>
        <translation>tu pareja</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Fill in the highlighted blanks before printing: {b}</source>
        <translation>Rellena los huecos resaltados antes de imprimir: {b}</translation>
    </message>
    <message>
        <source>That was more than a note can hold, so LoveBridge kept the first {max} characters and left out {n}. Everything else is just as it was.</source>
        <translation>Era más de lo que cabe en una nota, así que LoveBridge guardó los primeros {max} caracteres y dejó fuera {n}. Todo lo demás sigue igual.</translation>
    </message>
    <message>
        <source>Not saved yet — your words are safe here, trying again shortly</source>
        <translation>Aún sin guardar: tus palabras están a salvo aquí, se volverá a intentar enseguida</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardada</translation>
    </message>
    <message>
        <source>Write a few words first.</source>
        <translation>Escribe unas palabras primero.</translation>
    </message>
    <message>
        <source>Before it goes out, fill in the highlighted blanks: {b}.</source>
        <translation>Antes de enviarla, rellena los huecos resaltados: {b}.</translation>
    </message>
    <message>
        <source>LoveBridge couldn&apos;t save the note just now, so it was not sent on. Your words are still here.</source>
        <translation>LoveBridge no pudo guardar la nota ahora mismo, así que no se envió. Tus palabras siguen aquí.</translation>
    </message>
    <message>
        <source>Copied — paste it wherever you like</source>
        <translation>Copiada: pégala donde quieras</translation>
    </message>
    <message>
        <source>A note from {me}</source>
        <translation>Una nota de {me}</translation>
    </message>
    <message>
        <source>Marked as given ♥</source>
        <translation>Marcada como entregada ♥</translation>
    </message>
    <message>
        <source>This note is marked “Private to me”, so it stays on this laptop and cannot be sent. Untick “Private to me” to send it.</source>
        <translation>Esta nota está marcada como «Solo para mí», así que se queda en este portátil y no se puede enviar. Desmarca «Solo para mí» para enviarla.</translation>
    </message>
    <message>
        <source>Sharing with your partner&apos;s laptop is not set up yet (Preferences › Sharing).</source>
        <translation>Compartir con el portátil de tu pareja aún no está configurado (Preferencias › Compartir).</translation>
    </message>
    <message>
        <source>This note came from your partner; answer it with Reply instead.</source>
        <translation>Esta nota te la envió tu pareja; contéstale con Responder.</translation>
    </message>
    <message>
        <source>Pick a day after today to keep the note closed until.</source>
        <translation>Elige un día posterior a hoy para mantener la nota cerrada hasta entonces.</translation>
    </message>
    <message>
        <source>Sent — it reaches {name} with the next exchange</source>
        <translation>Enviada: llegará a {name} con el próximo intercambio</translation>
    </message>
    <message>
        <source>Handed to your mail program</source>
        <translation>Entregada a tu programa de correo</translation>
    </message>
    <message>
        <source>Copied — paste it into your e-mail</source>
        <translation>Copiada: pégala en tu correo</translation>
    </message>
    <message>
        <source>Saved as a text file — not sent yet</source>
        <translation>Guardada como archivo de texto: aún no se ha enviado</translation>
    </message>
    <message>
        <source>Not sent — no mail program</source>
        <translation>No enviada: no hay programa de correo</translation>
    </message>
    <message>
        <source>Saved as a PDF — not marked as printed</source>
        <translation>Guardada como PDF: no se ha marcado como impresa</translation>
    </message>
    <message>
        <source>Save the card as a picture</source>
        <translation>Guardar la tarjeta como imagen</translation>
    </message>
    <message>
        <source>PNG picture (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>DatesLabels</name>
    <message>
        <source>All day</source>
        <translation>Todo el día</translation>
    </message>
    <message>
        <source>repeats</source>
        <translation>se repite</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>cambiado de fecha</translation>
    </message>
    <message>
        <source>Date night</source>
        <translation>Noche de cita</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Charla de pareja</translation>
    </message>
    <message>
        <source>Getaway</source>
        <translation>Escapada</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>Aniversario</translation>
    </message>
    <message>
        <source>Ritual</source>
        <translation>Ritual</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Cumpleaños</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Previsto</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Saltado</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>previsto</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>saltado</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
</context>
<context>
    <name>DatesPreferencesPage</name>
    <message>
        <source>Show reminders for our plans</source>
        <translation>Mostrar recordatorios de nuestros planes</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Recordatorios</translation>
    </message>
    <message>
        <source>New plans remind us</source>
        <translation>Los planes nuevos nos avisan</translation>
    </message>
    <message>
        <source>Start LoveBridge when I log in</source>
        <translation>Abrir LoveBridge al iniciar sesión</translation>
    </message>
    <message>
        <source>At login</source>
        <translation>Al iniciar sesión</translation>
    </message>
    <message>
        <source>Keep LoveBridge in the tray when the window closes</source>
        <translation>Mantener LoveBridge en la bandeja al cerrar la ventana</translation>
    </message>
    <message>
        <source>Tray</source>
        <translation>Bandeja</translation>
    </message>
    <message>
        <source>Reminders appear while LoveBridge is open. Starting it at login means you will not miss one; anything missed while it was closed is shown when it opens.</source>
        <translation>Los recordatorios aparecen mientras LoveBridge está abierto. Si se abre al iniciar sesión no te perderás ninguno; lo que se pase mientras estaba cerrado se muestra al abrirlo.</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Abrir al iniciar sesión</translation>
    </message>
</context>
<context>
    <name>DatesRoom</name>
    <message>
        <source>Dates</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>Time together, planned and kept.</source>
        <translation>Tiempo juntos, planeado y cumplido.</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>What&apos;s coming</source>
        <translation>Lo que viene</translation>
    </message>
    <message>
        <source>Ideas</source>
        <translation>Ideas</translation>
    </message>
    <message>
        <source>Write a note for it</source>
        <translation>Escribir una nota para esto</translation>
    </message>
    <message>
        <source>Special dates…</source>
        <translation>Fechas especiales…</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Mes anterior</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Mes siguiente</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Export all…</source>
        <translation>Exportar todo…</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>Nuevo plan</translation>
    </message>
    <message>
        <source>Set aside (its dates cannot be worked out, so it is not shown and reminds no one): {names}. The command “lovebridge dates remove” deletes it.</source>
        <translation>Apartado (no se pueden calcular sus fechas, así que no se muestra ni avisa a nadie): {names}. La orden «lovebridge dates remove» lo borra.</translation>
    </message>
    <message>
        <source>Skipped this one; the others stay as they are. “Un-skip” puts it back.</source>
        <translation>Te saltaste esta; las demás siguen igual. «Recuperar» la vuelve a poner.</translation>
    </message>
    <message>
        <source>“{title}” is back on.</source>
        <translation>«{title}» vuelve a estar en pie.</translation>
    </message>
    <message>
        <source>Add the day you got together, or a date you keep, and we will count down to it.</source>
        <translation>Añade el día en que empezasteis, o una fecha que celebréis, y contaremos los días que faltan.</translation>
    </message>
    <message>
        <source>Next: {title}</source>
        <translation>Próximo: {title}</translation>
    </message>
    <message>
        <source>Move plan</source>
        <translation>Mover plan</translation>
    </message>
    <message>
        <source>Moved “{title}” to {day}.</source>
        <translation>«{title}» movido al {day}.</translation>
    </message>
    <message>
        <source>Lovely. You can capture it as a memory while it is fresh.</source>
        <translation>Qué bonito. Podéis guardarlo como recuerdo mientras está fresco.</translation>
    </message>
</context>
<context>
    <name>DatesWords</name>
    <message numerus="yes">
        <source>%Ln day(s) together</source>
        <translation>
            <numerusform>%Ln día juntos</numerusform>
            <numerusform>%Ln días juntos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) together</source>
        <translation>
            <numerusform>%n año juntos</numerusform>
            <numerusform>%n años juntos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{label} (%n year(s))</source>
        <translation>
            <numerusform>{label} (%n año)</numerusform>
            <numerusform>{label} (%n años)</numerusform>
        </translation>
    </message>
    <message>
        <source>{milestone} {when}</source>
        <comment>an occasion: &apos;6 years together&apos; &apos;in 3 days&apos;</comment>
        <translation>{milestone} {when}</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>mañana</translation>
    </message>
    <message>
        <source>on {weekday}</source>
        <translation>el {weekday}</translation>
    </message>
    <message numerus="yes">
        <source>in %Ln day(s)</source>
        <translation>
            <numerusform>dentro de %Ln día</numerusform>
            <numerusform>dentro de %Ln días</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DayPanel</name>
    <message>
        <source>Plans on this day</source>
        <translation>Planes de este día</translation>
    </message>
    <message>
        <source>Nothing planned. Double-click a day to plan something, or drag a plan to move it.</source>
        <translation>Nada planeado. Haz doble clic en un día para planear algo, o arrastra un plan para moverlo.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>We did it</source>
        <translation>Lo hicimos</translation>
    </message>
    <message>
        <source>Skip this one</source>
        <translation>Saltar este</translation>
    </message>
    <message>
        <source>Capture this memory</source>
        <translation>Guardar este recuerdo</translation>
    </message>
    <message>
        <source>Start the check-in</source>
        <translation>Empezar la charla</translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation>Exportar .ics…</translation>
    </message>
    <message>
        <source>Plan something this day</source>
        <translation>Planear algo este día</translation>
    </message>
    <message>
        <source>Un-skip</source>
        <translation>Recuperar</translation>
    </message>
    <message>
        <source>Once you have done it</source>
        <translation>Cuando ya lo hayáis hecho</translation>
    </message>
    <message>
        <source>For a planned check-in</source>
        <translation>Para una charla de pareja prevista</translation>
    </message>
</context>
<context>
    <name>DraftEditor</name>
    <message>
        <source>Your note</source>
        <translation>Tu nota</translation>
    </message>
    <message>
        <source>Start with their name, or pick a suggestion…</source>
        <translation>Empieza con su nombre, o elige una sugerencia…</translation>
    </message>
    <message>
        <source>No suggestions</source>
        <translation>Sin sugerencias</translation>
    </message>
    <message>
        <source>Add “{word}” to dictionary</source>
        <translation>Añadir «{word}» al diccionario</translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message>
        <source>Write on screen</source>
        <translation>Escribir en pantalla</translation>
    </message>
    <message>
        <source>Write the character shown, resting on the dashed line. A pen tablet&apos;s pressure is used; a mouse or touchpad works too.</source>
        <translation>Escribe el carácter que se muestra, apoyado en la línea discontinua. Se aprovecha la presión de una tableta gráfica; también sirven un ratón o un panel táctil.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Keep and next</source>
        <translation>Guardar y seguir</translation>
    </message>
    <message>
        <source>Box {n} of {total}: {what}</source>
        <translation>Casilla {n} de {total}: {what}</translation>
    </message>
    <message>
        <source>Nothing kept for this box ({why}).</source>
        <translation>No se ha guardado nada en esta casilla ({why}).</translation>
    </message>
    <message>
        <source>That was the last box: press Save.</source>
        <translation>Era la última casilla: pulsa Guardar.</translation>
    </message>
</context>
<context>
    <name>DrawPad</name>
    <message>
        <source>Writing box</source>
        <translation>Casilla de escritura</translation>
    </message>
</context>
<context>
    <name>FormatBar</name>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Bold (Ctrl+B)</source>
        <translation>Negrita (Ctrl+B)</translation>
    </message>
    <message>
        <source>Italic (Ctrl+I)</source>
        <translation>Cursiva (Ctrl+I)</translation>
    </message>
    <message>
        <source>Ink</source>
        <translation>Tinta</translation>
    </message>
    <message>
        <source>Ink colour of the note and its card</source>
        <translation>Color de la tinta de la nota y de su tarjeta</translation>
    </message>
    <message>
        <source>Ink colour</source>
        <translation>Color de la tinta</translation>
    </message>
    <message>
        <source>Handwriting</source>
        <translation>Letra</translation>
    </message>
    <message>
        <source>The handwriting of the note and its card</source>
        <translation>La letra de la nota y de su tarjeta</translation>
    </message>
    <message>
        <source>Size on screen</source>
        <translation>Tamaño en pantalla</translation>
    </message>
    <message>
        <source>How large the writing shows here (the card fits its own size)</source>
        <translation>Lo grande que se ve la letra aquí (la tarjeta ajusta su propio tamaño)</translation>
    </message>
    <message>
        <source>{n} pt</source>
        <translation>{n} pt</translation>
    </message>
    <message>
        <source>Align left</source>
        <translation>Alinear a la izquierda</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Centrar</translation>
    </message>
    <message>
        <source>Align right</source>
        <translation>Alinear a la derecha</translation>
    </message>
</context>
<context>
    <name>GlyphGrid</name>
    <message>
        <source>Glyphs read from the sheet</source>
        <translation>Letras leídas de la hoja</translation>
    </message>
</context>
<context>
    <name>HandController</name>
    <message>
        <source>My handwriting</source>
        <translation>Mi letra</translation>
    </message>
</context>
<context>
    <name>HandPage</name>
    <message>
        <source>Print the sheet, fill every box with your own pen, and photograph it from above (or scan it). LoveBridge then prints your notes in your own handwriting.</source>
        <translation>Imprime la hoja, rellena cada casilla con tu propio bolígrafo y hazle una foto desde arriba (o escanéala). Así LoveBridge imprimirá tus notas con tu propia letra.</translation>
    </message>
    <message>
        <source>Whose hand</source>
        <translation>De quién es la letra</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>Print the sheet…</source>
        <translation>Imprimir la hoja…</translation>
    </message>
    <message>
        <source>Save the sheet as PDF…</source>
        <translation>Guardar la hoja como PDF…</translation>
    </message>
    <message>
        <source>Import photos…</source>
        <translation>Importar fotos…</translation>
    </message>
    <message>
        <source>Another photo for the gaps…</source>
        <translation>Otra foto para los huecos…</translation>
    </message>
    <message>
        <source>Write on screen…</source>
        <translation>Escribir en pantalla…</translation>
    </message>
    <message>
        <source>Redo the chosen box on screen…</source>
        <translation>Rehacer en pantalla la casilla elegida…</translation>
    </message>
    <message>
        <source>Redo the chosen box from a photo…</source>
        <translation>Rehacer la casilla elegida desde una foto…</translation>
    </message>
    <message>
        <source>Read just this box again from a new photo of the sheet; the others stay as they are</source>
        <translation>Leer solo esta casilla de nuevo desde otra foto de la hoja; las demás quedan como están</translation>
    </message>
    <message>
        <source>My</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>No handwriting kept for {name} yet.</source>
        <translation>Todavía no hay letra guardada de {name}.</translation>
    </message>
    <message>
        <source>{label}: {count} of {total} boxes written.</source>
        <translation>{label}: {count} de {total} casillas escritas.</translation>
    </message>
    <message>
        <source>{name}&apos;s hand</source>
        <translation>Letra de {name}</translation>
    </message>
    <message>
        <source>Print the handwriting sheet</source>
        <translation>Imprimir la hoja de letra</translation>
    </message>
    <message>
        <source>Could not print the sheet</source>
        <translation>No se pudo imprimir la hoja</translation>
    </message>
    <message>
        <source>Save the handwriting sheet</source>
        <translation>Guardar la hoja de letra</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save the sheet</source>
        <translation>No se pudo guardar la hoja</translation>
    </message>
    <message>
        <source>Saved the sheet to {path}. Print it at 100%.</source>
        <translation>Hoja guardada en {path}. Imprímela al 100 %.</translation>
    </message>
    <message>
        <source>Photos of the filled-in sheet</source>
        <translation>Fotos de la hoja rellenada</translation>
    </message>
    <message>
        <source>Photos ({patterns})</source>
        <translation>Fotos ({patterns})</translation>
    </message>
    <message>
        <source>Reading the photo…</source>
        <translation>Leyendo la foto…</translation>
    </message>
    <message>
        <source>Read {n} of {total} boxes.</source>
        <translation>Leídas {n} de {total} casillas.</translation>
    </message>
    <message>
        <source>Most of the sheet looks empty: fill in the rest of the boxes, or import another photo for the ones that are missing.</source>
        <translation>Casi toda la hoja parece vacía: rellena el resto de las casillas o importa otra foto para las que faltan.</translation>
    </message>
    <message>
        <source>{first} and {more} more</source>
        <translation>{first} y {more} más</translation>
    </message>
    <message>
        <source>Missing: {boxes}. Redo them on screen, or import another photo for them.</source>
        <translation>Faltan: {boxes}. Rehazlas en pantalla o importa otra foto para ellas.</translation>
    </message>
    <message>
        <source>Skipped {problem}</source>
        <translation>Omitido: {problem}</translation>
    </message>
    <message>
        <source>No handwriting was found in the boxes; nothing was kept.</source>
        <translation>No se encontró letra en las casillas; no se ha guardado nada.</translation>
    </message>
    <message>
        <source>Box {box} could not be read from that photo ({why}); it is kept as it was.</source>
        <translation>No se pudo leer la casilla {box} en esa foto ({why}); se queda como estaba.</translation>
    </message>
    <message>
        <source>no writing found</source>
        <translation>no se encontró escritura</translation>
    </message>
    <message>
        <source>Box {box} was read again from the photo.</source>
        <translation>La casilla {box} se ha leído de nuevo desde la foto.</translation>
    </message>
    <message>
        <source>The photo could not be read ({kind}).</source>
        <translation>No se pudo leer la foto ({kind}).</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Impresa</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Entregada</translation>
    </message>
    <message>
        <source>(empty draft)</source>
        <translation>(borrador vacío)</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Search your notes…</source>
        <translation>Buscar en tus notas…</translation>
    </message>
    <message>
        <source>Search notes</source>
        <translation>Buscar notas</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papelera</translation>
    </message>
    <message>
        <source>Show notes in the trash (they can be restored)</source>
        <translation>Mostrar las notas de la papelera (se pueden restaurar)</translation>
    </message>
    <message>
        <source>Your notes</source>
        <translation>Tus notas</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Mover a la papelera</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
</context>
<context>
    <name>IdeaPicker</name>
    <message>
        <source>Free</source>
        <translation>Gratis</translation>
    </message>
    <message>
        <source>Low cost</source>
        <translation>Poco dinero</translation>
    </message>
    <message>
        <source>Some spending</source>
        <translation>Algo de gasto</translation>
    </message>
    <message>
        <source>A treat</source>
        <translation>Un capricho</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation>Tranquilo</translation>
    </message>
    <message>
        <source>Easy-going</source>
        <translation>Relajado</translation>
    </message>
    <message>
        <source>Lively</source>
        <translation>Animado</translation>
    </message>
    <message>
        <source>Spring</source>
        <translation>Primavera</translation>
    </message>
    <message>
        <source>Summer</source>
        <translation>Verano</translation>
    </message>
    <message>
        <source>Autumn</source>
        <translation>Otoño</translation>
    </message>
    <message>
        <source>Winter</source>
        <translation>Invierno</translation>
    </message>
    <message>
        <source>Any length</source>
        <translation>Cualquier duración</translation>
    </message>
    <message>
        <source>Up to 30 minutes</source>
        <translation>Hasta 30 minutos</translation>
    </message>
    <message>
        <source>Up to an hour</source>
        <translation>Hasta una hora</translation>
    </message>
    <message>
        <source>Up to two hours</source>
        <translation>Hasta dos horas</translation>
    </message>
    <message>
        <source>Up to half a day</source>
        <translation>Hasta medio día</translation>
    </message>
    <message>
        <source>At home</source>
        <translation>En casa</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Fuera</translation>
    </message>
    <message>
        <source>Indoors</source>
        <translation>Bajo techo</translation>
    </message>
    <message>
        <source>Outdoors</source>
        <translation>Al aire libre</translation>
    </message>
    <message>
        <source>Search ideas…</source>
        <translation>Buscar ideas…</translation>
    </message>
    <message>
        <source>Home or out</source>
        <translation>En casa o fuera</translation>
    </message>
    <message>
        <source>Going out</source>
        <translation>Saliendo</translation>
    </message>
    <message>
        <source>Indoors or out</source>
        <translation>Dentro o al aire libre</translation>
    </message>
    <message>
        <source>Any cost</source>
        <translation>Cualquier precio</translation>
    </message>
    <message>
        <source>Any energy</source>
        <translation>Cualquier energía</translation>
    </message>
    <message>
        <source>Any season</source>
        <translation>Cualquier estación</translation>
    </message>
    <message>
        <source>Date ideas</source>
        <translation>Ideas para citas</translation>
    </message>
    <message>
        <source>Surprise us</source>
        <translation>Sorpréndenos</translation>
    </message>
    <message>
        <source>Picks an idea that fits your filters and that you have not planned lately</source>
        <translation>Elige una idea que encaje con vuestros filtros y que no hayáis planeado últimamente</translation>
    </message>
    <message>
        <source>Plan this</source>
        <translation>Planear esto</translation>
    </message>
    <message>
        <source>Why it helps</source>
        <translation>Por qué ayuda</translation>
    </message>
    <message>
        <source>Add our own idea…</source>
        <translation>Añadir una idea nuestra…</translation>
    </message>
    <message numerus="yes">
        <source>%n idea(s) fit</source>
        <translation>
            <numerusform>Encaja %n idea</numerusform>
            <numerusform>Encajan %n ideas</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing fits those filters</source>
        <translation>Nada encaja con esos filtros</translation>
    </message>
    <message>
        <source>Loosen one of them, or add an idea of your own.</source>
        <translation>Quita alguno, o añade una idea vuestra.</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import photos from a &amp;folder…</source>
        <translation>Importar fotos de una &amp;carpeta…</translation>
    </message>
    <message>
        <source>Import from an e&amp;xport file…</source>
        <translation>Importar de un archivo e&amp;xportado…</translation>
    </message>
    <message>
        <source>&amp;Export everything…</source>
        <translation>&amp;Exportarlo todo…</translation>
    </message>
    <message>
        <source>Import photos from a folder</source>
        <translation>Importar fotos de una carpeta</translation>
    </message>
    <message>
        <source>Import from an export file</source>
        <translation>Importar de un archivo exportado</translation>
    </message>
    <message>
        <source>Exports (*.zip);;All files (*)</source>
        <translation>Exportaciones (*.zip);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Export everything</source>
        <translation>Exportarlo todo</translation>
    </message>
    <message>
        <source>ZIP archives (*.zip)</source>
        <translation>Archivos ZIP (*.zip)</translation>
    </message>
    <message>
        <source>Reading your photos</source>
        <translation>Leyendo vuestras fotos</translation>
    </message>
    <message>
        <source>Looking at every photo in {folder}…</source>
        <translation>Mirando cada foto de {folder}…</translation>
    </message>
    <message>
        <source>Reading the export</source>
        <translation>Leyendo la exportación</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Leyendo {name}…</translation>
    </message>
    <message>
        <source>Nothing new to add</source>
        <translation>Nada nuevo que añadir</translation>
    </message>
    <message>
        <source>Everything here is already in your scrapbook.</source>
        <translation>Todo esto ya está en vuestro álbum.</translation>
    </message>
    <message>
        <source>No photos LoveBridge can use were found ({n} files not usable).</source>
        <translation>No se encontraron fotos que LoveBridge pueda usar ({n} archivos no aprovechables).</translation>
    </message>
    <message>
        <source>Adding your memories</source>
        <translation>Añadiendo vuestros recuerdos</translation>
    </message>
    <message>
        <source>Copying photos into LoveBridge…</source>
        <translation>Copiando las fotos a LoveBridge…</translation>
    </message>
    <message>
        <source>{m} memories with {p} photos are in your scrapbook.</source>
        <translation>Ya están en vuestro álbum {m} recuerdos con {p} fotos.</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) could not be copied.</source>
        <translation>
            <numerusform>No se pudo copiar %n foto.</numerusform>
            <numerusform>No se pudieron copiar %n fotos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Memories added</source>
        <translation>Recuerdos añadidos</translation>
    </message>
    <message>
        <source>Exporting everything</source>
        <translation>Exportándolo todo</translation>
    </message>
    <message>
        <source>Writing notes, memories, photos and plans to {name}…</source>
        <translation>Guardando notas, recuerdos, fotos y planes en {name}…</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Exportación terminada</translation>
    </message>
    <message>
        <source>{m} memories with {p} photos, {n} notes and {d} plans are in {name}. It opens without LoveBridge; README.txt inside says what is where.</source>
        <translation>En {name} están {m} recuerdos con {p} fotos, {n} notas y {d} planes. Se abre sin LoveBridge; el README.txt de dentro explica qué hay en cada sitio.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenido</translation>
    </message>
    <message>
        <source>Stopped as you asked. Whatever was fully added stays; run the import again to carry on where it stopped.</source>
        <translation>Detenido, como pediste. Lo que se añadió por completo se queda; vuelve a importar para seguir donde se quedó.</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>El disco está lleno</translation>
    </message>
    <message>
        <source>The disk is full: this needs about {mb} MB more free space. Free some space and run it again; whatever was fully added stays, and the import carries on where it stopped.</source>
        <translation>El disco está lleno: esto necesita unos {mb} MB más de espacio libre. Libera espacio y vuelve a ejecutarlo; lo que se añadió por completo se queda, y la importación sigue donde se detuvo.</translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation>Eso no ha funcionado</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed.</source>
        <translation>Algo salió mal; no se ha cambiado nada.</translation>
    </message>
</context>
<context>
    <name>ImportReviewDialog</name>
    <message>
        <source>Add these memories?</source>
        <translation>¿Añadir estos recuerdos?</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Recuerdo</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Unir</translation>
    </message>
    <message>
        <source>Make one memory of the selected ones</source>
        <translation>Hacer un solo recuerdo con los elegidos</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Dividir</translation>
    </message>
    <message>
        <source>Make two memories, cut at the longest pause</source>
        <translation>Hacer dos recuerdos, cortando en la pausa más larga</translation>
    </message>
    <message>
        <source>Also add near-identical burst shots</source>
        <translation>Añadir también las fotos en ráfaga casi iguales</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source> (+{n} burst)</source>
        <translation> (+{n} en ráfaga)</translation>
    </message>
    <message numerus="yes">
        <source>Add %Ln memory(s)</source>
        <translation>
            <numerusform>Añadir %Ln recuerdo</numerusform>
            <numerusform>Añadir %Ln recuerdos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) not imported — show why</source>
        <translation>
            <numerusform>%Ln archivo sin importar: ver por qué</numerusform>
            <numerusform>%Ln archivos sin importar: ver por qué</numerusform>
        </translation>
    </message>
    <message>
        <source>{memories} suggested memories with {photos} photos. Untick one to skip it; double-click a title to rename it. Nothing is added until you press Add.</source>
        <translation>{memories} recuerdos sugeridos con {photos} fotos. Desmarca uno para saltarlo; haz doble clic en un título para cambiarle el nombre. No se añade nada hasta que pulses Añadir.</translation>
    </message>
    <message>
        <source>Kept in the export only: {what}</source>
        <translation>Se queda solo en la exportación: {what}</translation>
    </message>
    <message>
        <source>{n} photos or entries are already in your scrapbook and were left alone.</source>
        <translation>{n} fotos o entradas ya están en vuestro álbum y no se han tocado.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
</context>
<context>
    <name>InboxCard</name>
    <message>
        <source>Notes from {name}</source>
        <translation>Notas de {name}</translation>
    </message>
    <message>
        <source>From {name}</source>
        <translation>De {name}</translation>
    </message>
    <message>
        <source>your partner</source>
        <translation>tu pareja</translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n nueva</numerusform>
            <numerusform>%n nuevas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <source>(an empty note)</source>
        <translation>(una nota vacía)</translation>
    </message>
    <message>
        <source>Sealed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Leída</translation>
    </message>
    <message>
        <source>a reply</source>
        <translation>una respuesta</translation>
    </message>
    <message>
        <source>A note from {name} opens on {day}</source>
        <translation>Una nota de {name} se abre el {day}</translation>
    </message>
    <message>
        <source>your partner</source>
        <translation>tu pareja</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>{title} (then {n} more)</source>
        <translation>{title} (y después {n} más)</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>LoveBridge could not open its library ({kind}).</source>
        <translation>LoveBridge no pudo abrir su biblioteca ({kind}).</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <source>LoveBridge is locked</source>
        <translation>LoveBridge está bloqueado</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Type the recovery code you wrote down when you turned the lock on. Dashes and capitals don&apos;t matter.</source>
        <translation>Escribe el código de recuperación que anotaste al activar el bloqueo. Los guiones y las mayúsculas dan igual.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Código de recuperación</translation>
    </message>
    <message>
        <source>Use a passphrase instead</source>
        <translation>Usar una frase de acceso</translation>
    </message>
    <message>
        <source>Type your passphrase to open your notes, memories and photos.</source>
        <translation>Escribe tu frase de acceso para abrir tus notas, recuerdos y fotos.</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>Tu frase de acceso</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de acceso</translation>
    </message>
    <message>
        <source>Forgot it? Use your recovery code</source>
        <translation>¿La olvidaste? Usa tu código de recuperación</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
    <message>
        <source>Unlocking… this takes a moment.</source>
        <translation>Desbloqueando… esto tarda un momento.</translation>
    </message>
    <message>
        <source>LoveBridge&apos;s key file (keyslots.json in the data folder) is damaged, so the lock cannot be opened. Nothing was changed. Put back a copy of that file from a backup of the data folder, then try again.</source>
        <translation>El archivo de claves de LoveBridge (keyslots.json, en la carpeta de datos) está dañado, así que no se puede abrir el candado. No se ha cambiado nada. Repón una copia de ese archivo desde una copia de seguridad de la carpeta de datos y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>LoveBridge could not read its key file ({problem}). Nothing was changed.</source>
        <translation>LoveBridge no pudo leer su archivo de claves ({problem}). No se cambió nada.</translation>
    </message>
    <message>
        <source>That recovery code doesn&apos;t open LoveBridge.</source>
        <translation>Ese código de recuperación no abre LoveBridge.</translation>
    </message>
    <message>
        <source>That passphrase doesn&apos;t open LoveBridge. Check Caps Lock and try again.</source>
        <translation>Esa frase de acceso no abre LoveBridge. Revisa las mayúsculas e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>You can try again in {seconds} s.</source>
        <translation>Puedes volver a intentarlo en {seconds} s.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening your library…</source>
        <translation>Abriendo tu biblioteca…</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <source>Times now shown in %1</source>
        <translation>Las horas se muestran ahora en %1</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salas</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Escribir</translation>
    </message>
    <message>
        <source>Scrapbook</source>
        <translation>Álbum</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>Everything is saved on this laptop.</source>
        <translation>Todo está guardado en este portátil.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) together</source>
        <translation>
            <numerusform>%Ln día juntos</numerusform>
            <numerusform>%Ln días juntos</numerusform>
        </translation>
    </message>
    <message>
        <source>Your backup is restored.</source>
        <translation>Vuestra copia está restaurada.</translation>
    </message>
    <message>
        <source>One moment — the backup is still being written.</source>
        <translation>Un momento: la copia aún se está escribiendo.</translation>
    </message>
</context>
<context>
    <name>MemoryEditor</name>
    <message>
        <source>← Back to the scrapbook</source>
        <translation>← Volver al álbum</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Mover a la papelera</translation>
    </message>
    <message>
        <source>Save memory</source>
        <translation>Guardar recuerdo</translation>
    </message>
    <message>
        <source>What shall we call this memory?</source>
        <translation>¿Cómo llamamos a este recuerdo?</translation>
    </message>
    <message>
        <source>Photos of this memory</source>
        <translation>Fotos de este recuerdo</translation>
    </message>
    <message>
        <source>Drop photos or a folder here, or paste a picture. Double-click a photo to see it large; select it and press F2 to write a caption; drag to reorder.</source>
        <translation>Suelta aquí fotos o una carpeta, o pega una imagen. Doble clic en una foto para verla en grande; selecciónala y pulsa F2 para escribir un pie; arrastra para reordenar.</translation>
    </message>
    <message>
        <source>The story</source>
        <translation>La historia</translation>
    </message>
    <message>
        <source>Bold (Ctrl+B)</source>
        <translation>Negrita (Ctrl+B)</translation>
    </message>
    <message>
        <source>Italic (Ctrl+I)</source>
        <translation>Cursiva (Ctrl+I)</translation>
    </message>
    <message>
        <source>What happened, what was said, what you want to remember…</source>
        <translation>Qué pasó, qué os dijisteis, qué queréis recordar…</translation>
    </message>
    <message>
        <source>On the day</source>
        <translation>Ese mismo día</translation>
    </message>
    <message>
        <source>Sometime in the month</source>
        <translation>En algún momento del mes</translation>
    </message>
    <message>
        <source>Sometime in the year</source>
        <translation>En algún momento del año</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Where were you?</source>
        <translation>¿Dónde estabais?</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>No particular mood</source>
        <translation>Sin un ánimo concreto</translation>
    </message>
    <message>
        <source>♥ One of our favourites</source>
        <translation>♥ Uno de nuestros favoritos</translation>
    </message>
    <message>
        <source>Private to me</source>
        <translation>Solo para mí</translation>
    </message>
    <message>
        <source>Kept on this laptop only: never sent to your partner&apos;s laptop when sharing</source>
        <translation>Se queda solo en este portátil: nunca se envía al portátil de tu pareja al compartir</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Ánimo</translation>
    </message>
    <message>
        <source>beach, firsts, family — separated by commas</source>
        <translation>playa, primeras veces, familia — separadas por comas</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Add photos from that day…</source>
        <translation>Añadir fotos de ese día…</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>Añadir fotos…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Quitar foto</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Editando…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Sin guardar</translation>
    </message>
    <message>
        <source>This memory is not saved yet: {reason}. Everything you wrote is still here.</source>
        <translation>Este recuerdo aún no está guardado: {reason}. Todo lo que escribiste sigue aquí.</translation>
    </message>
    <message>
        <source>Added by {name}</source>
        <translation>Añadido por {name}</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>The photo went to the trash; you can restore it there for 30 days.</source>
        <translation>La foto se fue a la papelera; puedes restaurarla allí durante 30 días.</translation>
    </message>
</context>
<context>
    <name>MemoryReader</name>
    <message>
        <source>← Back to the scrapbook</source>
        <translation>← Volver al álbum</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Places of this memory</source>
        <translation>Lugares de este recuerdo</translation>
    </message>
    <message>
        <source>Photos of this memory</source>
        <translation>Fotos de este recuerdo</translation>
    </message>
    <message>
        <source>The story</source>
        <translation>La historia</translation>
    </message>
    <message>
        <source>♥ one of our favourites</source>
        <translation>♥ uno de nuestros favoritos</translation>
    </message>
    <message>
        <source>added by {name}</source>
        <translation>añadido por {name}</translation>
    </message>
    <message>
        <source>No story written yet.</source>
        <translation>Todavía no hay historia escrita.</translation>
    </message>
    <message>
        <source>Places:</source>
        <translation>Lugares:</translation>
    </message>
    <message>
        <source>Show every memory in {place}</source>
        <translation>Ver todos los recuerdos en {place}</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>Month calendar</source>
        <translation>Calendario del mes</translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation>+{n} más</translation>
    </message>
</context>
<context>
    <name>NoMailDialog</name>
    <message>
        <source>No mail program</source>
        <translation>No hay programa de correo</translation>
    </message>
    <message>
        <source>No mail program answered, so the note was not sent.</source>
        <translation>Ningún programa de correo respondió, así que la nota no se ha enviado.</translation>
    </message>
    <message>
        <source>You can copy the note and paste it into your e-mail (in a browser, for example), or keep it as a text file. It stays here as a draft either way.</source>
        <translation>Puedes copiar la nota y pegarla en tu correo (en el navegador, por ejemplo), o guardarla como archivo de texto. En cualquier caso, se queda aquí como borrador.</translation>
    </message>
    <message>
        <source>Copy the note</source>
        <translation>Copiar la nota</translation>
    </message>
    <message>
        <source>Save as a text file…</source>
        <translation>Guardar como archivo de texto…</translation>
    </message>
    <message>
        <source>Could not save the note</source>
        <translation>No se pudo guardar la nota</translation>
    </message>
    <message>
        <source>The note could not be written there; it is still here. Try another folder.</source>
        <translation>No se pudo guardar la nota ahí; sigue aquí. Prueba con otra carpeta.</translation>
    </message>
    <message>
        <source>Save the note as text</source>
        <translation>Guardar la nota como texto</translation>
    </message>
    <message>
        <source>Text file (*.txt)</source>
        <translation>Archivo de texto (*.txt)</translation>
    </message>
</context>
<context>
    <name>NotePanel</name>
    <message>
        <source>Handwritten note preview</source>
        <translation>Vista previa de la nota manuscrita</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Handwriting</source>
        <translation>Letra</translation>
    </message>
    <message>
        <source>Ink</source>
        <translation>Tinta</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>Decoration</source>
        <translation>Adorno</translation>
    </message>
    <message>
        <source>Neat</source>
        <translation>Pulcra</translation>
    </message>
    <message>
        <source>Straight, even writing without a hand&apos;s wobble</source>
        <translation>Letra recta y uniforme, sin el temblor de una mano</translation>
    </message>
    <message>
        <source>Another take</source>
        <translation>Otra versión</translation>
    </message>
    <message>
        <source>Write it out again, a little differently</source>
        <translation>Escribirla otra vez, un poco distinta</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Save as picture…</source>
        <translation>Guardar como imagen…</translation>
    </message>
    <message>
        <source>A PNG picture to send in a messaging app</source>
        <translation>Una imagen PNG para enviar por una app de mensajería</translation>
    </message>
    <message>
        <source>Print note</source>
        <translation>Imprimir nota</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PNG picture (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Guardar nota</translation>
    </message>
    <message>
        <source>Could not save the note</source>
        <translation>No se pudo guardar la nota</translation>
    </message>
    <message>
        <source>The note could not be saved or printed. Your text is safe; try another folder or printer.</source>
        <translation>No se pudo guardar ni imprimir la nota. Tu texto está a salvo; prueba con otra carpeta u otra impresora.</translation>
    </message>
    <message>
        <source>Writing size %1 pt</source>
        <translation>Tamaño de letra %1 pt</translation>
    </message>
    <message>
        <source>A lunchbox sheet holds %1 notes; this makes %2. Remove some, or print the rest on a second sheet.</source>
        <translation>Una hoja de fiambrera tiene %1 notas; esto hace %2. Quita alguna, o imprime el resto en una segunda hoja.</translation>
    </message>
    <message>
        <source>Too long for “%1”, even in the smallest comfortable writing: the end would not be printed.</source>
        <translation>Demasiado larga para «%1», incluso con la letra más pequeña que se lee bien: el final no se imprimiría.</translation>
    </message>
    <message>
        <source>It fits on “%1”.</source>
        <translation>Cabe en «%1».</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>Usar %1</translation>
    </message>
</context>
<context>
    <name>NoteReader</name>
    <message>
        <source>← Your notes</source>
        <translation>← Tus notas</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Responder</translation>
    </message>
    <message>
        <source>From {name}</source>
        <translation>De {name}</translation>
    </message>
    <message>
        <source>your partner</source>
        <translation>tu pareja</translation>
    </message>
    <message>
        <source>A note</source>
        <translation>Una nota</translation>
    </message>
    <message>
        <source>{name} · {day}, {time}</source>
        <translation>{name} · {day}, {time}</translation>
    </message>
    <message>
        <source>LoveBridge keeps it closed until then; it is not locked by encryption.</source>
        <translation>LoveBridge la mantiene cerrada hasta entonces; no está bloqueada con cifrado.</translation>
    </message>
</context>
<context>
    <name>NoteWords</name>
    <message>
        <source>Card, A6</source>
        <translation>Tarjeta, A6</translation>
    </message>
    <message>
        <source>Card, 4 × 6 in</source>
        <translation>Tarjeta, 4 × 6 in</translation>
    </message>
    <message>
        <source>Card, 5 × 7 in</source>
        <translation>Tarjeta, 5 × 7 in</translation>
    </message>
    <message>
        <source>Folded card, A4</source>
        <translation>Tarjeta doblada, A4</translation>
    </message>
    <message>
        <source>Folded card, US Letter</source>
        <translation>Tarjeta doblada, carta (EE. UU.)</translation>
    </message>
    <message>
        <source>Quarter-fold card, A4</source>
        <translation>Tarjeta doblada en cuatro, A4</translation>
    </message>
    <message>
        <source>Quarter-fold card, US Letter</source>
        <translation>Tarjeta doblada en cuatro, carta (EE. UU.)</translation>
    </message>
    <message>
        <source>Letter, A4</source>
        <translation>Carta, A4</translation>
    </message>
    <message>
        <source>Letter, US Letter</source>
        <translation>Carta, carta (EE. UU.)</translation>
    </message>
    <message>
        <source>Lunchbox notes, A4</source>
        <translation>Notitas para la fiambrera, A4</translation>
    </message>
    <message>
        <source>Lunchbox notes, US Letter</source>
        <translation>Notitas para la fiambrera, carta (EE. UU.)</translation>
    </message>
    <message>
        <source>Envelope, DL</source>
        <translation>Sobre, DL</translation>
    </message>
    <message>
        <source>Envelope, C6</source>
        <translation>Sobre, C6</translation>
    </message>
    <message>
        <source>Envelope, US #10</source>
        <translation>Sobre, US #10</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Azul</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>Negro</translation>
    </message>
    <message>
        <source>Blue-black</source>
        <translation>Azul oscuro</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rojo</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Verde</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Morado</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>Sepia</translation>
    </message>
    <message>
        <source>White</source>
        <translation>Blanco</translation>
    </message>
    <message>
        <source>Cream</source>
        <translation>Crema</translation>
    </message>
    <message>
        <source>Kraft</source>
        <translation>Kraft</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>liso</translation>
    </message>
    <message>
        <source>lined</source>
        <translation>rayas</translation>
    </message>
    <message>
        <source>dotted</source>
        <translation>puntos</translation>
    </message>
    <message>
        <source>squared</source>
        <translation>cuadros</translation>
    </message>
    <message>
        <source>No decoration</source>
        <translation>Sin adornos</translation>
    </message>
    <message>
        <source>Drawn border</source>
        <translation>Borde dibujado</translation>
    </message>
    <message>
        <source>Hearts</source>
        <translation>Corazones</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>Estrellas</translation>
    </message>
</context>
<context>
    <name>OnThisDayCard</name>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Write a note about this</source>
        <translation>Escribir una nota sobre esto</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago today</source>
        <translation>
            <numerusform>hoy hace un año</numerusform>
            <numerusform>hoy hace %n años</numerusform>
        </translation>
    </message>
    <message>
        <source>On this day, {ago}: {title}</source>
        <translation>Tal día como hoy, {ago}: {title}</translation>
    </message>
    <message>
        <source>and {n} more from this day</source>
        <translation>y {n} más de este día</translation>
    </message>
</context>
<context>
    <name>OwnIdeaDialog</name>
    <message>
        <source>Our own idea</source>
        <translation>Nuestra idea</translation>
    </message>
    <message>
        <source>An idea of our own</source>
        <translation>Una idea nuestra</translation>
    </message>
    <message>
        <source>Why it does us good</source>
        <translation>Por qué nos sienta bien</translation>
    </message>
    <message>
        <source>At home</source>
        <translation>En casa</translation>
    </message>
    <message>
        <source>Indoors</source>
        <translation>Bajo techo</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>Any season</source>
        <translation>Cualquier estación</translation>
    </message>
    <message>
        <source>cooking, music</source>
        <translation>cocina, música</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idea</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Takes</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energía</translation>
    </message>
    <message>
        <source>Season</source>
        <translation>Estación</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Add idea</source>
        <translation>Añadir idea</translation>
    </message>
</context>
<context>
    <name>PartnerNoteBanner</name>
    <message>
        <source>A note from your partner</source>
        <translation>Una nota de tu pareja</translation>
    </message>
    <message>
        <source>Read it</source>
        <translation>Leerla</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>PartnerNoteNotices</name>
    <message>
        <source>Your partner</source>
        <translation>Tu pareja</translation>
    </message>
    <message>
        <source>A note from {name} has opened</source>
        <translation>Se ha abierto una nota de {name}</translation>
    </message>
    <message>
        <source>{n} notes from {name} have opened</source>
        <translation>Se han abierto {n} notas de {name}</translation>
    </message>
    <message>
        <source>{name} sent you a note</source>
        <translation>{name} te envió una nota</translation>
    </message>
    <message>
        <source>{name} sent you {n} notes</source>
        <translation>{name} te envió {n} notas</translation>
    </message>
    <message>
        <source>a sealed one opens on {day}</source>
        <translation>una cerrada se abre el {day}</translation>
    </message>
    <message>
        <source>{name} sent you a sealed note; it opens on {day}</source>
        <translation>{name} te envió una nota cerrada; se abre el {day}</translation>
    </message>
</context>
<context>
    <name>PartnerSendBox</name>
    <message>
        <source>Keep it closed until</source>
        <translation>Mantenerla cerrada hasta el</translation>
    </message>
    <message>
        <source>The day it opens</source>
        <translation>El día en que se abre</translation>
    </message>
    <message>
        <source>LoveBridge keeps it closed until then; it is not locked by encryption.</source>
        <translation>LoveBridge la mantiene cerrada hasta entonces; no está bloqueada con cifrado.</translation>
    </message>
    <message>
        <source>This note is marked “Private to me”, so it stays on this laptop and cannot be sent.</source>
        <translation>Esta nota está marcada como «Solo para mí», así que se queda en este portátil y no se puede enviar.</translation>
    </message>
    <message>
        <source>Send to {name}</source>
        <translation>Enviar a {name}</translation>
    </message>
    <message>
        <source>Send to your partner</source>
        <translation>Enviar a tu pareja</translation>
    </message>
    <message>
        <source>It arrives on their laptop with the next exchange</source>
        <translation>Llega a su portátil con el próximo intercambio</translation>
    </message>
    <message>
        <source>your partner</source>
        <translation>tu pareja</translation>
    </message>
    <message>
        <source>Read by {name} at {time}, {day}</source>
        <translation>Leída por {name} a las {time}, el {day}</translation>
    </message>
    <message>
        <source>Sent to {name}&apos;s LoveBridge on {day} — not read yet</source>
        <translation>Enviada al LoveBridge de {name} el {day}; aún sin leer</translation>
    </message>
    <message>
        <source>kept closed until {day}</source>
        <translation>cerrada hasta el {day}</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase for {who}</source>
        <translation>Frase de acceso de {who}</translation>
    </message>
    <message>
        <source>Choose a passphrase for {who}. The old one stops working; your notes and photos stay as they are.</source>
        <translation>Elige una frase de acceso para {who}. La anterior deja de funcionar; tus notas y fotos siguen igual.</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de acceso</translation>
    </message>
    <message>
        <source>Save passphrase</source>
        <translation>Guardar frase de acceso</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>Optional — can be added later</source>
        <translation>Opcional: se puede añadir después</translation>
    </message>
    <message>
        <source>At least {n} characters</source>
        <translation>Al menos {n} caracteres</translation>
    </message>
    <message>
        <source>{label}, again</source>
        <translation>{label}, otra vez</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Escríbela otra vez</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Otra vez</translation>
    </message>
    <message>
        <source>A passphrase needs at least {n} characters. A short sentence only the two of you would think of works well.</source>
        <translation>Una frase de acceso necesita al menos {n} caracteres. Funciona bien una frase corta que solo se os ocurriría a vosotros dos.</translation>
    </message>
    <message>
        <source>The two passphrases you typed are not the same.</source>
        <translation>Las dos frases de acceso que escribiste no coinciden.</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Anterior</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Siguiente ›</translation>
    </message>
    <message>
        <source>Slideshow</source>
        <translation>Pase de fotos</translation>
    </message>
    <message>
        <source>Opening the photo…</source>
        <translation>Abriendo la foto…</translation>
    </message>
    <message>
        <source>This photo could not be opened.</source>
        <translation>No se pudo abrir esta foto.</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Does not repeat</source>
        <translation>No se repite</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Cada día</translation>
    </message>
    <message>
        <source>Every week on this weekday</source>
        <translation>Cada semana, este mismo día</translation>
    </message>
    <message>
        <source>Every other week</source>
        <translation>Cada dos semanas</translation>
    </message>
    <message>
        <source>Monthly, on this weekday (e.g. first Sunday)</source>
        <translation>Cada mes, este día de la semana (p. ej., el primer domingo)</translation>
    </message>
    <message>
        <source>Monthly, on this day of the month</source>
        <translation>Cada mes, este día del mes</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>Cada año</translation>
    </message>
    <message>
        <source>minutes before</source>
        <translation>minutos antes</translation>
    </message>
    <message>
        <source>hours before</source>
        <translation>horas antes</translation>
    </message>
    <message>
        <source>days before</source>
        <translation>días antes</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>Nuevo plan</translation>
    </message>
    <message>
        <source>Edit the plan</source>
        <translation>Editar el plan</translation>
    </message>
    <message>
        <source>Plan some time together</source>
        <translation>Planead un rato juntos</translation>
    </message>
    <message>
        <source>Friday date night</source>
        <translation>Cita del viernes</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Todo el día</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Se repite</translation>
    </message>
    <message>
        <source>At home, the little Italian place…</source>
        <translation>En casa, el italiano de la esquina…</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>No budget set</source>
        <translation>Sin presupuesto</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Presupuesto</translation>
    </message>
    <message>
        <source>No idea linked</source>
        <translation>Sin idea vinculada</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idea</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Remind us</source>
        <translation>Avisarnos</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Recordatorio</translation>
    </message>
    <message>
        <source>Anything to remember: tickets, what to bring…</source>
        <translation>Algo que recordar: entradas, qué llevar…</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Only this one</source>
        <translation>Solo este</translation>
    </message>
    <message>
        <source>All of them</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>This plan repeats. Change:</source>
        <translation>Este plan se repite. Cambiar:</translation>
    </message>
    <message>
        <source>Delete plan</source>
        <translation>Borrar plan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Save plan</source>
        <translation>Guardar plan</translation>
    </message>
    <message>
        <source>No phones, no work talk: just the two of you. Double-check the time suits both.</source>
        <translation>Sin teléfonos, sin hablar de trabajo: solo vosotros dos. Comprobad que la hora os va bien a los dos.</translation>
    </message>
    <message>
        <source>Custom rule (kept)</source>
        <translation>Regla personalizada (se mantiene)</translation>
    </message>
    <message>
        <source>Cancel this one</source>
        <translation>Cancelar este</translation>
    </message>
    <message>
        <source>This is at the same time as “{title}” ({start}–{end}). Choose another time, or save again to keep both.</source>
        <translation>Coincide con «{title}» ({start}–{end}). Elige otra hora o vuelve a guardar para quedaros con los dos.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Follow the system</source>
        <translation>Seguir al sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Who is using LoveBridge on this laptop</source>
        <translation>Quién usa LoveBridge en este portátil</translation>
    </message>
    <message>
        <source>Who&apos;s writing here</source>
        <translation>Quién escribe aquí</translation>
    </message>
    <message>
        <source>Sharing one laptop? Switch here so notes and memories show who wrote them.</source>
        <translation>¿Compartís un portátil? Cambiad aquí para que las notas y los recuerdos muestren quién los escribió.</translation>
    </message>
    <message>
        <source>The two of us</source>
        <translation>Nosotros dos</translation>
    </message>
    <message>
        <source>Colour theme</source>
        <translation>Tema de color</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Colores</translation>
    </message>
    <message>
        <source>Language of LoveBridge</source>
        <translation>Idioma de LoveBridge</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>El idioma del sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>A new language shows the next time LoveBridge opens.</source>
        <translation>El nuevo idioma se verá la próxima vez que se abra LoveBridge.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>First partner</source>
        <translation>Primera persona</translation>
    </message>
    <message>
        <source>Second partner</source>
        <translation>Segunda persona</translation>
    </message>
</context>
<context>
    <name>PrivacyController</name>
    <message>
        <source>&amp;Lock LoveBridge</source>
        <translation>&amp;Bloquear LoveBridge</translation>
    </message>
    <message>
        <source>Hide everything until a passphrase is typed (Ctrl+L)</source>
        <translation>Ocultarlo todo hasta que se escriba una frase de acceso (Ctrl+L)</translation>
    </message>
    <message>
        <source>Turn the lock on in Preferences › Privacy first</source>
        <translation>Activa antes el bloqueo en Preferencias › Privacidad</translation>
    </message>
    <message>
        <source>This passphrase belongs to another LoveBridge.</source>
        <translation>Esta frase de acceso es de otro LoveBridge.</translation>
    </message>
    <message>
        <source>First partner</source>
        <translation>Primera persona</translation>
    </message>
    <message>
        <source>Second partner</source>
        <translation>Segunda persona</translation>
    </message>
    <message>
        <source>Turning the lock on…</source>
        <translation>Activando el bloqueo…</translation>
    </message>
    <message>
        <source>Encrypting your notes, memories and photos. Please keep LoveBridge open.</source>
        <translation>Cifrando vuestras notas, recuerdos y fotos. Mantén LoveBridge abierto.</translation>
    </message>
    <message>
        <source>Turning the lock off…</source>
        <translation>Desactivando el bloqueo…</translation>
    </message>
    <message>
        <source>Decrypting your notes, memories and photos. Please keep LoveBridge open.</source>
        <translation>Descifrando vuestras notas, recuerdos y fotos. Mantén LoveBridge abierto.</translation>
    </message>
    <message>
        <source>Changing the lock cannot be stopped halfway: every file is converted, then your library is back.</source>
        <translation>El cambio del bloqueo no se puede detener a medias: se convierte cada archivo y después vuelve vuestra biblioteca.</translation>
    </message>
    <message>
        <source>The lock was not changed</source>
        <translation>El bloqueo no se cambió</translation>
    </message>
    <message>
        <source>The disk is full: changing the lock needs about {mb} MB more free space. Free some space and try again; your notes and photos are safe and readable.</source>
        <translation>El disco está lleno: cambiar el bloqueo necesita unos {mb} MB más de espacio libre. Libera espacio y vuelve a intentarlo; tus notas y fotos están a salvo y se pueden leer.</translation>
    </message>
    <message>
        <source>LoveBridge could not finish ({problem}). Your notes and photos are safe and readable; please try again.</source>
        <translation>LoveBridge no pudo terminar ({problem}). Vuestras notas y fotos están a salvo y se pueden leer; inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>Something went wrong ({problem}). Your notes and photos are safe.</source>
        <translation>Algo salió mal ({problem}). Vuestras notas y fotos están a salvo.</translation>
    </message>
    <message>
        <source>The passphrase was not saved</source>
        <translation>La frase de acceso no se guardó</translation>
    </message>
    <message>
        <source>LoveBridge could not write its key file ({problem}). The old passphrase still works.</source>
        <translation>LoveBridge no pudo escribir su archivo de claves ({problem}). La frase de acceso anterior sigue funcionando.</translation>
    </message>
    <message>
        <source>No new recovery code</source>
        <translation>Ningún código de recuperación nuevo</translation>
    </message>
    <message>
        <source>LoveBridge could not write its key file ({problem}). The old code still works.</source>
        <translation>LoveBridge no pudo escribir su archivo de claves ({problem}). El código anterior sigue funcionando.</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Lock after this long without use</source>
        <translation>Bloquear tras este tiempo sin uso</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>After 1 hour without use</source>
        <translation>Tras 1 hora sin uso</translation>
    </message>
    <message>
        <source>After {n} minutes without use</source>
        <translation>Tras {n} minutos sin uso</translation>
    </message>
    <message>
        <source>Lock by itself</source>
        <translation>Bloquear solo</translation>
    </message>
    <message>
        <source>Lock LoveBridge with a passphrase</source>
        <translation>Bloquear LoveBridge con una frase de acceso</translation>
    </message>
    <message>
        <source>With the lock on, LoveBridge asks for a passphrase each time it opens, and everything it keeps on this laptop — notes, memories, photos and backups — is encrypted. Someone who borrows the laptop or copies its files sees only scrambled data.</source>
        <translation>Con el bloqueo activado, LoveBridge pide una frase de acceso cada vez que se abre, y todo lo que guarda en este portátil —notas, recuerdos, fotos y copias— está cifrado. Quien tome prestado el portátil o copie sus archivos solo verá datos revueltos.</translation>
    </message>
    <message>
        <source>{name}&apos;s passphrase</source>
        <translation>Frase de acceso de {name}</translation>
    </message>
    <message>
        <source>Each of you can have your own passphrase; either one opens the same scrapbook.</source>
        <translation>Cada uno puede tener su propia frase de acceso; cualquiera de las dos abre el mismo álbum.</translation>
    </message>
    <message>
        <source>Next you&apos;ll get a recovery code to write down. If the passphrases and the code are all lost, nobody can open LoveBridge — not even us.</source>
        <translation>A continuación recibirás un código de recuperación para anotarlo. Si se pierden las frases de acceso y el código, nadie podrá abrir LoveBridge, ni siquiera nosotros.</translation>
    </message>
    <message>
        <source>Turn on the lock</source>
        <translation>Activar el bloqueo</translation>
    </message>
    <message>
        <source>The lock is on</source>
        <translation>El bloqueo está activado</translation>
    </message>
    <message>
        <source>LoveBridge asks for a passphrase when it opens, and your notes, memories, photos and backups are encrypted on this laptop. Changing a passphrase is quick: nothing needs to be encrypted again.</source>
        <translation>LoveBridge pide una frase de acceso al abrirse, y vuestras notas, recuerdos, fotos y copias están cifrados en este portátil. Cambiar una frase de acceso es rápido: no hay que volver a cifrar nada.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Recovery code, for a forgotten passphrase</source>
        <translation>Código de recuperación, por si se olvida una frase de acceso</translation>
    </message>
    <message>
        <source>Make a new code…</source>
        <translation>Crear un código nuevo…</translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L)</source>
        <translation>Bloquear ahora (Ctrl+L)</translation>
    </message>
    <message>
        <source>Turn off the lock…</source>
        <translation>Desactivar el bloqueo…</translation>
    </message>
    <message>
        <source>When nobody has used LoveBridge for this long, it locks and hides everything until a passphrase is typed.</source>
        <translation>Cuando nadie haya usado LoveBridge durante este tiempo, se bloquea y lo oculta todo hasta que se escriba una frase de acceso.</translation>
    </message>
    <message>
        <source>Takes effect once the lock is on.</source>
        <translation>Se aplica cuando el bloqueo esté activado.</translation>
    </message>
    <message>
        <source>{name}&apos;s passphrase — set</source>
        <translation>Frase de acceso de {name}: puesta</translation>
    </message>
    <message>
        <source>{name} has no passphrase yet</source>
        <translation>{name} aún no tiene frase de acceso</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Cambiar…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>The last passphrase can&apos;t be removed while the lock is on. Turn the lock off instead.</source>
        <translation>La última frase de acceso no se puede quitar con el bloqueo activado. Desactiva el bloqueo en su lugar.</translation>
    </message>
    <message>
        <source>Turn off the lock?</source>
        <translation>¿Desactivar el bloqueo?</translation>
    </message>
    <message>
        <source>LoveBridge will decrypt your notes, memories, photos and backups and open without a passphrase. Anyone who uses this laptop could then read them.</source>
        <translation>LoveBridge descifrará vuestras notas, recuerdos, fotos y copias y se abrirá sin frase de acceso. Cualquiera que use este portátil podría leerlos.</translation>
    </message>
    <message>
        <source>Turn off the lock</source>
        <translation>Desactivar el bloqueo</translation>
    </message>
    <message>
        <source>Keep it on</source>
        <translation>Mantenerlo</translation>
    </message>
    <message>
        <source>Saving the passphrase…</source>
        <translation>Guardando la frase de acceso…</translation>
    </message>
    <message>
        <source>{name}&apos;s passphrase is saved.</source>
        <translation>La frase de acceso de {name} está guardada.</translation>
    </message>
    <message>
        <source>{name}&apos;s passphrase was removed.</source>
        <translation>Se quitó la frase de acceso de {name}.</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>Your first name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <source>e.g. Sam</source>
        <translation>p. ej., Sam</translation>
    </message>
    <message>
        <source>Your partner&apos;s first name</source>
        <translation>El nombre de tu pareja</translation>
    </message>
    <message>
        <source>e.g. Alex</source>
        <translation>p. ej., Alex</translation>
    </message>
    <message>
        <source>Together since</source>
        <translation>Juntos desde</translation>
    </message>
    <message>
        <source>Choose the day</source>
        <translation>Elige el día</translation>
    </message>
    <message>
        <source>We&apos;d rather not set a date</source>
        <translation>Preferimos no poner fecha</translation>
    </message>
    <message>
        <source>Inside jokes, one per line</source>
        <translation>Bromas privadas, una por línea</translation>
    </message>
    <message>
        <source>One per line — the little phrases only you two get</source>
        <translation>Una por línea: esas frasecitas que solo entendéis vosotros</translation>
    </message>
    <message>
        <source>Inside jokes</source>
        <translation>Bromas privadas</translation>
    </message>
    <message>
        <source>Please write both first names.</source>
        <translation>Escribid los dos nombres, por favor.</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Show in folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>QrDialog</name>
    <message>
        <source>QR code of your note</source>
        <translation>Código QR de tu nota</translation>
    </message>
    <message>
        <source>This note is {n} characters. A QR code holds about {max} comfortably — past that the code gets too dense for a phone camera, so none is shown. Copy it or send it by e-mail instead, or shorten it.</source>
        <translation>Esta nota tiene {n} caracteres. Un código QR admite unos {max} con holgura; por encima, el código es demasiado denso para la cámara de un teléfono, así que no se muestra. Cópiala o envíala por correo, o acórtala.</translation>
    </message>
    <message>
        <source>This note has too many special characters to fit a QR code. Copy it or send it by e-mail instead.</source>
        <translation>Esta nota tiene demasiados caracteres especiales para un código QR. Cópiala o envíala por correo.</translation>
    </message>
    <message>
        <source>Point a phone camera at the code: the note appears as text on the phone. Nothing is sent anywhere.</source>
        <translation>Apunta la cámara de un teléfono al código: la nota aparece como texto en el teléfono. No se envía nada a ningún sitio.</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Your recovery code</source>
        <translation>Tu código de recuperación</translation>
    </message>
    <message>
        <source>Write down your recovery code</source>
        <translation>Anota tu código de recuperación</translation>
    </message>
    <message>
        <source>If you ever forget your passphrases, this code opens LoveBridge instead. It is shown only this once. Write it on paper and keep it somewhere safe at home, away from the laptop.</source>
        <translation>Si alguna vez olvidáis vuestras frases de acceso, este código abre LoveBridge. Solo se muestra esta vez. Escríbelo en papel y guárdalo en un lugar seguro de casa, lejos del portátil.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Código de recuperación</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>If both passphrases and this code are lost, nobody can open LoveBridge again — not even us. There is no back door.</source>
        <translation>Si se pierden las dos frases de acceso y este código, nadie podrá volver a abrir LoveBridge, ni siquiera nosotros. No hay puerta trasera.</translation>
    </message>
    <message>
        <source>I&apos;ve written it down and put it somewhere safe</source>
        <translation>Lo he anotado y lo he guardado en un lugar seguro</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Copied. Paste it where you keep it safe; LoveBridge clears the clipboard when you close this.</source>
        <translation>Copiado. Pégalo donde lo guardes a salvo; LoveBridge vacía el portapapeles al cerrar esto.</translation>
    </message>
</context>
<context>
    <name>RecoveryWindow</name>
    <message>
        <source>{app} — let&apos;s get your things back</source>
        <translation>{app}: recuperemos tus cosas</translation>
    </message>
    <message>
        <source>Let&apos;s get your LoveBridge back</source>
        <translation>Recuperemos tu LoveBridge</translation>
    </message>
    <message>
        <source>LoveBridge found damage in its database file and stopped before changing anything. Your photos are untouched, and a copy of the damaged file is kept safe, exactly as it was, in {path}.</source>
        <translation>LoveBridge encontró daños en su base de datos y se detuvo antes de cambiar nada. Tus fotos están intactas, y una copia del archivo dañado se guarda tal como estaba en {path}.</translation>
    </message>
    <message>
        <source>Go back to the latest backup</source>
        <translation>Volver a la copia más reciente</translation>
    </message>
    <message>
        <source>Looking for your automatic backups…</source>
        <translation>Buscando tus copias automáticas…</translation>
    </message>
    <message>
        <source>Choose a backup file…</source>
        <translation>Elegir un archivo de copia…</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>Restaurar esta copia</translation>
    </message>
    <message>
        <source>Rescue what can still be read</source>
        <translation>Rescatar lo que aún se puede leer</translation>
    </message>
    <message>
        <source>LoveBridge can copy everything that is still readable into a new database file. The damaged file is only read, never changed.</source>
        <translation>LoveBridge puede copiar todo lo que aún se lee en una base de datos nueva. El archivo dañado solo se lee, nunca se cambia.</translation>
    </message>
    <message>
        <source>Try a rescue</source>
        <translation>Intentar un rescate</translation>
    </message>
    <message>
        <source>Use the rescued copy</source>
        <translation>Usar la copia rescatada</translation>
    </message>
    <message>
        <source>Whatever you choose, the damaged file stays where it is kept.</source>
        <translation>Elijas lo que elijas, el archivo dañado se queda donde está guardado.</translation>
    </message>
    <message>
        <source>Close LoveBridge</source>
        <translation>Cerrar LoveBridge</translation>
    </message>
    <message>
        <source>There is no automatic backup in this data folder yet. If you saved one yourself, choose it here.</source>
        <translation>Aún no hay ninguna copia automática en esta carpeta de datos. Si guardaste una tú, elígela aquí.</translation>
    </message>
    <message>
        <source>The automatic backup from {when} holds {contents}. Restoring it brings LoveBridge back to how it was then; photos added since are kept.</source>
        <translation>La copia automática del {when} contiene {contents}. Restaurarla devuelve LoveBridge a como estaba entonces; las fotos añadidas después se conservan.</translation>
    </message>
    <message>
        <source>Checking and restoring {name}…</source>
        <translation>Comprobando y restaurando {name}…</translation>
    </message>
    <message>
        <source>Reading what can be read… this can take a while.</source>
        <translation>Leyendo lo que se puede leer… puede tardar un rato.</translation>
    </message>
    <message>
        <source>Rescued {contents} ({total:,} records in all). The rescued copy is saved as {name}.</source>
        <translation>Rescatados {contents} ({total:,} registros en total). La copia rescatada se guarda como {name}.</translation>
    </message>
    <message>
        <source>Nothing usable could be rescued from the damaged file. Restoring a backup is the way back.</source>
        <translation>No se pudo rescatar nada útil del archivo dañado. Restaurar una copia es el camino de vuelta.</translation>
    </message>
    <message>
        <source>That did not work ({kind}); nothing was changed.</source>
        <translation>Eso no funcionó ({kind}); no se cambió nada.</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Reminder</source>
        <translation>Recordatorio</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>ReminderCenter</name>
    <message>
        <source>Open LoveBridge</source>
        <translation>Abrir LoveBridge</translation>
    </message>
    <message>
        <source>Quit LoveBridge</source>
        <translation>Salir de LoveBridge</translation>
    </message>
</context>
<context>
    <name>ReminderWords</name>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>dentro de %n día</numerusform>
            <numerusform>dentro de %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>dentro de %n hora</numerusform>
            <numerusform>dentro de %n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>dentro de %n minuto</numerusform>
            <numerusform>dentro de %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>{title} was on {when}</source>
        <translation>{title} fue el {when}</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
</context>
<context>
    <name>RestoreConfirmDialog</name>
    <message>
        <source>Restore this backup?</source>
        <translation>¿Restaurar esta copia?</translation>
    </message>
    <message>
        <source>Restore the backup from {when}?</source>
        <translation>¿Restaurar la copia del {when}?</translation>
    </message>
    <message>
        <source>It holds {contents}.</source>
        <translation>Contiene {contents}.</translation>
    </message>
    <message>
        <source>What is in LoveBridge now will be replaced by this backup. Before anything changes, LoveBridge keeps a copy of it as an automatic backup, so you can always go back.</source>
        <translation>Lo que hay ahora en LoveBridge se sustituirá por esta copia. Antes de cambiar nada, LoveBridge guarda una copia automática de ello, para que siempre puedas volver atrás.</translation>
    </message>
    <message>
        <source>This is one of LoveBridge&apos;s automatic backups: its photos are kept once, in the backups folder. To keep it on another disk, save it as one file.</source>
        <translation>Es una de las copias automáticas de LoveBridge: sus fotos se guardan una sola vez, en la carpeta de copias. Para guardarla en otro disco, guárdala como un solo archivo.</translation>
    </message>
    <message>
        <source>Save as one file…</source>
        <translation>Guardar como un solo archivo…</translation>
    </message>
    <message>
        <source>An automatic backup keeps its photos once, in LoveBridge&apos;s backups folder. Save it as one file that holds everything, to keep on another disk.</source>
        <translation>Una copia automática guarda sus fotos una sola vez, en la carpeta de copias de LoveBridge. Guárdala como un solo archivo que lo contenga todo, para tenerla en otro disco.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
</context>
<context>
    <name>RhythmCard</name>
    <message>
        <source>Your rhythm</source>
        <translation>Vuestro ritmo</translation>
    </message>
    <message>
        <source>Notes each week, the last few months</source>
        <translation>Notas por semana, los últimos meses</translation>
    </message>
    <message>
        <source>You&apos;ve written the last few — it might be {name}&apos;s turn, and that&apos;s lovely too.</source>
        <translation>Has escrito las últimas: quizá le toque a {name}, y eso también es bonito.</translation>
    </message>
    <message>
        <source>{name} has written the last few — maybe reply?</source>
        <translation>{name} ha escrito las últimas: ¿quizá responder?</translation>
    </message>
</context>
<context>
    <name>ScrapbookHome</name>
    <message>
        <source>Scrapbook</source>
        <translation>Álbum</translation>
    </message>
    <message>
        <source>The story of us, in photos, places and little moments.</source>
        <translation>Nuestra historia, en fotos, lugares y pequeños momentos.</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papelera</translation>
    </message>
    <message>
        <source>Our year in a book…</source>
        <translation>Nuestro año en un libro…</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>Añadir fotos…</translation>
    </message>
    <message>
        <source>New memory</source>
        <translation>Nuevo recuerdo</translation>
    </message>
    <message>
        <source>Search memories, places, stories, tags…</source>
        <translation>Buscar recuerdos, lugares, historias, etiquetas…</translation>
    </message>
    <message>
        <source>Search memories</source>
        <translation>Buscar recuerdos</translation>
    </message>
    <message>
        <source>♥ Favourites</source>
        <translation>♥ Favoritos</translation>
    </message>
    <message>
        <source>Memories</source>
        <translation>Recuerdos</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Años</translation>
    </message>
    <message>
        <source>All places</source>
        <translation>Lugares</translation>
    </message>
    <message>
        <source>Added by either of us</source>
        <translation>De los dos</translation>
    </message>
    <message>
        <source>Added by {name}</source>
        <translation>De {name}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln memory(s) found</source>
        <translation>
            <numerusform>%Ln recuerdo encontrado</numerusform>
            <numerusform>%Ln recuerdos encontrados</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing matches that yet</source>
        <translation>Aún no hay nada que coincida</translation>
    </message>
    <message>
        <source>Try fewer words, or clear the filters.</source>
        <translation>Prueba con menos palabras, o quita los filtros.</translation>
    </message>
    <message>
        <source>Your scrapbook is waiting</source>
        <translation>Vuestro álbum os espera</translation>
    </message>
    <message>
        <source>Start with one moment you both smile about. Press “New memory”, or drop photos or a whole folder here: LoveBridge sorts them by day.</source>
        <translation>Empezad con un momento que os haga sonreír a los dos. Pulsad «Nuevo recuerdo», o soltad aquí fotos o una carpeta entera: LoveBridge las ordena por días.</translation>
    </message>
</context>
<context>
    <name>ScrapbookRoom</name>
    <message>
        <source>Scrapbook</source>
        <translation>Álbum</translation>
    </message>
    <message>
        <source>Paste photos</source>
        <translation>Pegar fotos</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Añadir fotos</translation>
    </message>
    <message>
        <source>Choose the folder with the photos</source>
        <translation>Elige la carpeta con las fotos</translation>
    </message>
    <message>
        <source>LoveBridge could not write to the library just now; it will try again as you go on</source>
        <translation>LoveBridge no ha podido escribir en la biblioteca ahora mismo; lo volverá a intentar mientras sigues</translation>
    </message>
    <message>
        <source>Moved to the trash. You can restore it for 30 days.</source>
        <translation>Movido a la papelera. Puedes restaurarlo durante 30 días.</translation>
    </message>
    <message>
        <source>Looking for photos from that day…</source>
        <translation>Buscando fotos de ese día…</translation>
    </message>
    <message>
        <source>No photos in that folder were taken on that day.</source>
        <translation>Ninguna foto de esa carpeta se hizo ese día.</translation>
    </message>
    <message>
        <source>Photos from that day</source>
        <translation>Fotos de ese día</translation>
    </message>
    <message>
        <source>{n} photos in that folder were taken that day. Add them to this memory?</source>
        <translation>{n} fotos de esa carpeta se hicieron ese día. ¿Añadirlas a este recuerdo?</translation>
    </message>
    <message>
        <source>Photos are still being added; try again in a moment.</source>
        <translation>Todavía se están añadiendo fotos; inténtalo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>Adding photos…</source>
        <translation>Añadiendo fotos…</translation>
    </message>
    <message>
        <source>Adding the pasted picture…</source>
        <translation>Añadiendo la imagen pegada…</translation>
    </message>
    <message>
        <source>Adding photos: {done} of {total}</source>
        <translation>Añadiendo fotos: {done} de {total}</translation>
    </message>
    <message>
        <source>The disk is full: adding these photos needs about {mb} MB more free space. Free some space and try again; photos added before it are kept.</source>
        <translation>El disco está lleno: añadir estas fotos necesita unos {mb} MB más de espacio libre. Libera espacio y vuelve a intentarlo; las fotos añadidas antes se conservan.</translation>
    </message>
    <message>
        <source>Those photos could not be added. Nothing was changed.</source>
        <translation>No se pudieron añadir esas fotos. No se cambió nada.</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added. These files were left out:</source>
        <translation>
            <numerusform>Se añadió %n foto. Estos archivos se quedaron fuera:</numerusform>
            <numerusform>Se añadieron %n fotos. Estos archivos se quedaron fuera:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The trash was emptied (%n item(s)).</source>
        <translation>
            <numerusform>Se vació la papelera (%n elemento).</numerusform>
            <numerusform>Se vació la papelera (%n elementos).</numerusform>
        </translation>
    </message>
    <message>
        <source>The trash could not be emptied ({problem}); nothing was lost.</source>
        <translation>No se pudo vaciar la papelera ({problem}); no se ha perdido nada.</translation>
    </message>
    <message>
        <source>Emptying the trash…</source>
        <translation>Vaciando la papelera…</translation>
    </message>
    <message>
        <source>…and {n} more.</source>
        <translation>…y {n} más.</translation>
    </message>
    <message>
        <source>One memory per day?</source>
        <translation>¿Un recuerdo por día?</translation>
    </message>
    <message>
        <source>These photos were taken on {n} different days. Make one memory for each day?</source>
        <translation>Estas fotos se hicieron en {n} días distintos. ¿Hacer un recuerdo por cada día?</translation>
    </message>
    <message>
        <source>Photos without a date</source>
        <translation>Fotos sin fecha</translation>
    </message>
    <message>
        <source>{n} memories made, one for each day. Open one to give it a title and a story.</source>
        <translation>{n} recuerdos creados, uno por día. Abre uno para ponerle título e historia.</translation>
    </message>
    <message>
        <source>Empty the trash?</source>
        <translation>¿Vaciar la papelera?</translation>
    </message>
    <message>
        <source>Everything in the trash will be deleted for good. This cannot be undone.</source>
        <translation>Todo lo que hay en la papelera se borrará para siempre. No se puede deshacer.</translation>
    </message>
</context>
<context>
    <name>SendBar</name>
    <message>
        <source>Send it as</source>
        <translation>Enviarla como</translation>
    </message>
    <message>
        <source>A handwritten note</source>
        <translation>Una nota manuscrita</translation>
    </message>
    <message>
        <source>A text message</source>
        <translation>Un mensaje de texto</translation>
    </message>
    <message>
        <source>A messaging-app message</source>
        <translation>Un mensaje de una app de mensajería</translation>
    </message>
    <message>
        <source>An e-mail</source>
        <translation>Un correo electrónico</translation>
    </message>
    <message>
        <source>A picture of the card</source>
        <translation>Una imagen de la tarjeta</translation>
    </message>
    <message>
        <source>A social media post</source>
        <translation>Una publicación en redes sociales</translation>
    </message>
    <message>
        <source>A QR code on screen</source>
        <translation>Un código QR en pantalla</translation>
    </message>
    <message>
        <source>Mark as given</source>
        <translation>Marcar como entregada</translation>
    </message>
    <message>
        <source>You handed it over or it reached them</source>
        <translation>Se la diste o le llegó</translation>
    </message>
    <message>
        <source>A public post is shared by both of you — check {name} is comfortable with it before it goes up.</source>
        <translation>Una publicación pública es de los dos: comprueba que {name} está de acuerdo antes de publicarla.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print it in handwriting</source>
        <translation>Imprimirla con letra manuscrita</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the words, to paste into a text or app</source>
        <translation>Copiar las palabras para pegarlas en un mensaje o una app</translation>
    </message>
    <message>
        <source>E-mail…</source>
        <translation>Correo…</translation>
    </message>
    <message>
        <source>Open your mail program with this note</source>
        <translation>Abrir tu programa de correo con esta nota</translation>
    </message>
    <message>
        <source>Picture…</source>
        <translation>Imagen…</translation>
    </message>
    <message>
        <source>Save the card as a picture to send</source>
        <translation>Guardar la tarjeta como imagen para enviarla</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>Código QR</translation>
    </message>
    <message>
        <source>Show a code their phone camera can read</source>
        <translation>Mostrar un código que la cámara de su teléfono puede leer</translation>
    </message>
    <message>
        <source>Send to {name}&apos;s LoveBridge</source>
        <translation>Enviar al LoveBridge de {name}</translation>
    </message>
    <message>
        <source>Send to your partner&apos;s LoveBridge</source>
        <translation>Enviar al LoveBridge de tu pareja</translation>
    </message>
    <message>
        <source>your partner</source>
        <translation>tu pareja</translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln palabra</numerusform>
            <numerusform>%Ln palabras</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln carácter</numerusform>
            <numerusform>%Ln caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>fits one text</source>
        <translation>cabe en un mensaje</translation>
    </message>
    <message>
        <source>{n} texts of 160</source>
        <translation>{n} mensajes de 160</translation>
    </message>
    <message>
        <source>up to {limit} for {where}</source>
        <translation>hasta {limit} para {where}</translation>
    </message>
</context>
<context>
    <name>SharingController</name>
    <message>
        <source>Sharing</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <source>Exchanging with your partner&apos;s laptop…</source>
        <translation>Intercambiando con el portátil de tu pareja…</translation>
    </message>
    <message>
        <source>Sharing paused: {why}</source>
        <translation>Compartir en pausa: {why}</translation>
    </message>
    <message>
        <source>Shared with {laptop}</source>
        <translation>Compartido con {laptop}</translation>
    </message>
    <message>
        <source>(waiting to join)</source>
        <translation>(esperando a que se una)</translation>
    </message>
    <message>
        <source>Your partner</source>
        <translation>Tu pareja</translation>
    </message>
    <message>
        <source>a big deletion waits for your yes (Preferences › Sharing)</source>
        <translation>un borrado grande espera tu sí (Preferencias › Compartir)</translation>
    </message>
</context>
<context>
    <name>SharingPage</name>
    <message>
        <source>Your partner</source>
        <translation>Tu pareja</translation>
    </message>
    <message>
        <source>Share with my partner&apos;s laptop</source>
        <translation>Compartir con el portátil de mi pareja</translation>
    </message>
    <message>
        <source>Both laptops keep their own LoveBridge. What changes travels, sealed, through a folder your sync app (Syncthing, Dropbox, Nextcloud…) or a USB stick already carries. The sync app sees only file sizes and times — never a word or a photo.</source>
        <translation>Cada portátil guarda su propio LoveBridge. Lo que cambia viaja, sellado, por una carpeta que ya lleva vuestra app de sincronización (Syncthing, Dropbox, Nextcloud…) o una memoria USB. La app de sincronización solo ve tamaños y horas de archivos, nunca una palabra ni una foto.</translation>
    </message>
    <message>
        <source>The folder your sync app shares</source>
        <translation>La carpeta que comparte vuestra app de sincronización</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Shared folder</source>
        <translation>Carpeta compartida</translation>
    </message>
    <message>
        <source>Start sharing and show a code</source>
        <translation>Empezar a compartir y mostrar un código</translation>
    </message>
    <message>
        <source>The eight words the other laptop shows</source>
        <translation>Las ocho palabras que muestra el otro portátil</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Unirse</translation>
    </message>
    <message>
        <source>Or join with a code</source>
        <translation>O unirse con un código</translation>
    </message>
    <message>
        <source>Partner&apos;s laptop</source>
        <translation>Portátil de tu pareja</translation>
    </message>
    <message>
        <source>Last exchange</source>
        <translation>Último intercambio</translation>
    </message>
    <message>
        <source>Waiting to travel</source>
        <translation>Esperando para viajar</translation>
    </message>
    <message>
        <source>Came in</source>
        <translation>Ha llegado</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Apartado</translation>
    </message>
    <message>
        <source>Exchange now</source>
        <translation>Intercambiar ahora</translation>
    </message>
    <message>
        <source>Yes, apply those deletions</source>
        <translation>Sí, aplicar esos borrados</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Dejar de compartir</translation>
    </message>
    <message>
        <source>Waiting for the other laptop to join</source>
        <translation>Esperando a que el otro portátil se una</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Todavía no</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Nada</translation>
    </message>
    <message>
        <source>{n} change(s)</source>
        <translation>{n} cambio(s)</translation>
    </message>
    <message>
        <source>Nothing new yet</source>
        <translation>Nada nuevo todavía</translation>
    </message>
    <message>
        <source>{who}&apos;s laptop deleted {n} things at once — more than a fifth of your library. Nothing was removed here yet.</source>
        <translation>El portátil de {who} borró {n} cosas a la vez, más de una quinta parte de vuestra biblioteca. Aquí todavía no se ha quitado nada.</translation>
    </message>
    <message>
        <source>Pick the folder your sync app shares first.</source>
        <translation>Elige primero la carpeta que comparte vuestra app de sincronización.</translation>
    </message>
    <message>
        <source>Sealing your library into the folder…</source>
        <translation>Sellando vuestra biblioteca en la carpeta…</translation>
    </message>
    <message>
        <source>On the other laptop, open Preferences › Sharing, pick the same folder and type:

{code}

The code is not stored anywhere; anyone with it and the folder could read it, so keep it between you.</source>
        <translation>En el otro portátil, abre Preferencias › Compartir, elige la misma carpeta y escribe:

{code}

El código no se guarda en ningún sitio; quien lo tenga junto con la carpeta podría leerla, así que guardadlo entre vosotros.</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Uniéndose…</translation>
    </message>
    <message>
        <source>Paired. Your partner&apos;s library is on its way.</source>
        <translation>Emparejados. La biblioteca de tu pareja está en camino.</translation>
    </message>
</context>
<context>
    <name>ShellMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurar…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation>&amp;Escribir</translation>
    </message>
    <message>
        <source>&amp;Scrapbook</source>
        <translation>Á&amp;lbum</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>C&amp;itas</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About LoveBridge</source>
        <translation>Acerca &amp;de LoveBridge</translation>
    </message>
</context>
<context>
    <name>SpecialDatesDialog</name>
    <message>
        <source>Special dates</source>
        <translation>Fechas especiales</translation>
    </message>
    <message>
        <source>Dates we keep</source>
        <translation>Fechas que celebramos</translation>
    </message>
    <message>
        <source>First date, wedding, birthdays: they show in the calendar every year.</source>
        <translation>Primera cita, boda, cumpleaños: se muestran en el calendario cada año.</translation>
    </message>
    <message>
        <source>Our wedding</source>
        <translation>Nuestra boda</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>Cada año</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Born on 29 February? In other years it shows on 28 February.</source>
        <translation>¿Nacido un 29 de febrero? Los demás años se muestra el 28 de febrero.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Save date</source>
        <translation>Guardar fecha</translation>
    </message>
</context>
<context>
    <name>SuggestionModel</name>
    <message>
        <source>tender</source>
        <translation>tierna</translation>
    </message>
    <message>
        <source>playful</source>
        <translation>juguetona</translation>
    </message>
    <message>
        <source>serious</source>
        <translation>seria</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>cálida</translation>
    </message>
    <message>
        <source>hopeful</source>
        <translation>esperanzada</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>tuya</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <source>Kind of note</source>
        <translation>Tipo de nota</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Sugerencias</translation>
    </message>
    <message>
        <source>Enter inserts at the cursor · Shift+Enter replaces the draft · Esc goes back to writing · Ctrl+↓ comes here</source>
        <translation>Intro inserta en el cursor · Mayús+Intro sustituye el borrador · Esc vuelve a la escritura · Ctrl+↓ viene aquí</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Insertar</translation>
    </message>
    <message>
        <source>Replace draft</source>
        <translation>Sustituir borrador</translation>
    </message>
    <message>
        <source>Save note as my template</source>
        <translation>Guardar la nota como mi plantilla</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Any kind of note</source>
        <translation>Cualquier tipo de nota</translation>
    </message>
    <message>
        <source>No suggestions match yet — keep writing in your own words.</source>
        <translation>Aún no hay sugerencias que encajen: sigue escribiendo con tus palabras.</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Edit my template</source>
        <translation>Editar mi plantilla</translation>
    </message>
    <message>
        <source>Save as my template</source>
        <translation>Guardar como mi plantilla</translation>
    </message>
    <message>
        <source>Names become {partner} and {me}, so the template works for every note. Other blanks: {memory}, {place}, {next_date}.</source>
        <translation>Los nombres pasan a ser {partner} y {me}, para que la plantilla sirva para cualquier nota. Otros huecos: {memory}, {place}, {next_date}.</translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message>
        <source>← Back to the scrapbook</source>
        <translation>← Volver al álbum</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papelera</translation>
    </message>
    <message>
        <source>Deleted memories and photos wait here for 30 days, then they are gone for good. Nothing in the trash shows in the scrapbook or the search.</source>
        <translation>Los recuerdos y fotos borrados esperan aquí 30 días; luego desaparecen para siempre. Nada de la papelera aparece en el álbum ni en la búsqueda.</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>La papelera está vacía.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>Vaciar la papelera…</translation>
    </message>
    <message>
        <source>Memory: {title}</source>
        <translation>Recuerdo: {title}</translation>
    </message>
    <message>
        <source>A photo from “{title}”</source>
        <translation>Una foto de «{title}»</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>Queda %n día</numerusform>
            <numerusform>Quedan %n días</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeeklyBars</name>
    <message>
        <source>Notes per week over the last {n} weeks</source>
        <translation>Notas por semana en las últimas {n} semanas</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>Welcome to LoveBridge</source>
        <translation>Bienvenidos a LoveBridge</translation>
    </message>
    <message>
        <source>A quiet place for the two of you: notes to each other, the memories you share, and time set aside together. Everything stays on this laptop.</source>
        <translation>Un lugar tranquilo para vosotros dos: notas el uno al otro, los recuerdos que compartís y tiempo reservado para estar juntos. Todo se queda en este portátil.</translation>
    </message>
    <message>
        <source>You can change all of this later in Preferences.</source>
        <translation>Podéis cambiar todo esto después en Preferencias.</translation>
    </message>
    <message>
        <source>Let&apos;s begin</source>
        <translation>Empecemos</translation>
    </message>
</context>
<context>
    <name>WriteRoom</name>
    <message>
        <source>Write</source>
        <translation>Escribir</translation>
    </message>
    <message>
        <source>Little notes for each other — printed in a handwritten style or sent on.</source>
        <translation>Notitas el uno para el otro, impresas con letra manuscrita o enviadas.</translation>
    </message>
    <message>
        <source>Write a note</source>
        <translation>Escribir una nota</translation>
    </message>
    <message>
        <source>What would you like to say?</source>
        <translation>¿Qué te gustaría decir?</translation>
    </message>
    <message>
        <source>Your notes</source>
        <translation>Tus notas</translation>
    </message>
    <message>
        <source>No note given yet — the first one can be tiny.</source>
        <translation>Aún no se ha entregado ninguna nota: la primera puede ser diminuta.</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>ayer</translation>
    </message>
    <message>
        <source>{n} days ago</source>
        <translation>hace {n} días</translation>
    </message>
    <message>
        <source>Last note given {when}, from {author} to {to}.</source>
        <translation>Última nota entregada {when}, de {author} para {to}.</translation>
    </message>
    <message>
        <source>Last note given {when}.</source>
        <translation>Última nota entregada {when}.</translation>
    </message>
    <message>
        <source>Your template went to the trash.</source>
        <translation>Tu plantilla se fue a la papelera.</translation>
    </message>
    <message>
        <source>That word could not be added to your dictionary just now.</source>
        <translation>No se ha podido añadir esa palabra a tu diccionario ahora mismo.</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>{day} at {time}</source>
        <translation>{day} a las {time}</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>MMMM yyyy</source>
        <translation>MMMM &apos;de&apos; yyyy</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Back up LoveBridge</source>
        <translation>Hacer una copia de LoveBridge</translation>
    </message>
    <message>
        <source>LoveBridge backups (*.lovebridge)</source>
        <translation>Copias de LoveBridge (*.lovebridge)</translation>
    </message>
    <message>
        <source>Restore a LoveBridge backup</source>
        <translation>Restaurar una copia de LoveBridge</translation>
    </message>
</context>
</TS>
