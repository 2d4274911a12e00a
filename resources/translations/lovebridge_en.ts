<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BackupWords</name>
    <message numerus="yes">
        <source>%Ln note(s)</source>
        <translation>
            <numerusform>%Ln note</numerusform>
            <numerusform>%Ln notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln memory(s)</source>
        <translation>
            <numerusform>%Ln memory</numerusform>
            <numerusform>%Ln memories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln photo</numerusform>
            <numerusform>%Ln photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln plan(s)</source>
        <translation>
            <numerusform>%Ln plan</numerusform>
            <numerusform>%Ln plans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BookWords</name>
    <message numerus="yes">
        <source>%n memory(s)</source>
        <translation>
            <numerusform>%n memory</numerusform>
            <numerusform>%n memories</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarFilesMixin</name>
    <message numerus="yes">
        <source>Saved %n plan(s) to {file}. Open it on a phone to add it to its calendar.</source>
        <translation>
            <numerusform>Saved %n plan to {file}. Open it on a phone to add it to its calendar.</numerusform>
            <numerusform>Saved %n plans to {file}. Open it on a phone to add them to its calendar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoachBar</name>
    <message numerus="yes">
        <source>…and %n more thought(s) once these are settled.</source>
        <translation>
            <numerusform>…and one more thought once these are settled.</numerusform>
            <numerusform>…and %n more thoughts once these are settled.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComingUpCard</name>
    <message numerus="yes">
        <source>%n year(s) together</source>
        <translation>
            <numerusform>%n year together</numerusform>
            <numerusform>%n years together</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatesWords</name>
    <message numerus="yes">
        <source>%Ln day(s) together</source>
        <translation>
            <numerusform>%Ln day together</numerusform>
            <numerusform>%Ln days together</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) together</source>
        <translation>
            <numerusform>%n year together</numerusform>
            <numerusform>%n years together</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{label} (%n year(s))</source>
        <translation>
            <numerusform>{label} (%n year)</numerusform>
            <numerusform>{label} (%n years)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln day(s)</source>
        <translation>
            <numerusform>in %Ln day</numerusform>
            <numerusform>in %Ln days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdeaPicker</name>
    <message numerus="yes">
        <source>%n idea(s) fit</source>
        <translation>
            <numerusform>%n idea fits</numerusform>
            <numerusform>%n ideas fit</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message numerus="yes">
        <source>%n photo(s) could not be copied.</source>
        <translation>
            <numerusform>%n photo could not be copied.</numerusform>
            <numerusform>%n photos could not be copied.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportReviewDialog</name>
    <message numerus="yes">
        <source>Add %Ln memory(s)</source>
        <translation>
            <numerusform>Add %Ln memory</numerusform>
            <numerusform>Add %Ln memories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) not imported — show why</source>
        <translation>
            <numerusform>%Ln file not imported — show why</numerusform>
            <numerusform>%Ln files not imported — show why</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboxCard</name>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln day(s) together</source>
        <translation>
            <numerusform>%Ln day together</numerusform>
            <numerusform>%Ln days together</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OnThisDayCard</name>
    <message numerus="yes">
        <source>%n year(s) ago today</source>
        <translation>
            <numerusform>a year ago today</numerusform>
            <numerusform>%n years ago today</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderWords</name>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>in %n hour</numerusform>
            <numerusform>in %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n minute</numerusform>
            <numerusform>in %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScrapbookHome</name>
    <message numerus="yes">
        <source>%Ln memory(s) found</source>
        <translation>
            <numerusform>%Ln memory found</numerusform>
            <numerusform>%Ln memories found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScrapbookRoom</name>
    <message numerus="yes">
        <source>%n photo(s) added. These files were left out:</source>
        <translation>
            <numerusform>%n photo added. These files were left out:</numerusform>
            <numerusform>%n photos added. These files were left out:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The trash was emptied (%n item(s)).</source>
        <translation>
            <numerusform>The trash was emptied (%n item).</numerusform>
            <numerusform>The trash was emptied (%n items).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendBar</name>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln word</numerusform>
            <numerusform>%Ln words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln character</numerusform>
            <numerusform>%Ln characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
</context>
</TS>
