<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CodebookExchange</name>
    <message numerus="yes">
        <source>Exported %n tag(s) to %1</source>
        <translation>
            <numerusform>Exported %n tag to %1</numerusform>
            <numerusform>Exported %n tags to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new tag(s)</source>
        <translation>
            <numerusform>%n new tag</numerusform>
            <numerusform>%n new tags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n tag(s) already in the project</source>
        <translation>
            <numerusform>; %n tag already in the project</numerusform>
            <numerusform>; %n tags already in the project</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n given guideline text)</source>
        <translation>
            <numerusform> (%n given guideline text)</numerusform>
            <numerusform> (%n given guideline text)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CurationPanel</name>
    <message numerus="yes">
        <source>%n agreed annotation(s) added to gold.</source>
        <translation>
            <numerusform>%n agreed annotation added to gold.</numerusform>
            <numerusform>%n agreed annotations added to gold.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n interview(s)</source>
        <translation>
            <numerusform>%n interview</numerusform>
            <numerusform>%n interviews</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already in the project</source>
        <translation>
            <numerusform>, %n already in the project</numerusform>
            <numerusform>, %n already in the project</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n note(s)</source>
        <translation>
            <numerusform>, %n note</numerusform>
            <numerusform>, %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interview(s) to import</source>
        <translation>
            <numerusform>%n interview to import</numerusform>
            <numerusform>%n interviews to import</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n file(s) cannot be read</source>
        <translation>
            <numerusform>; %n file cannot be read</numerusform>
            <numerusform>; %n files cannot be read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewDialog</name>
    <message numerus="yes">
        <source>%n interview(s)</source>
        <translation>
            <numerusform>%n interview</numerusform>
            <numerusform>%n interviews</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message numerus="yes">
        <source>All interviews (%n)</source>
        <translation>
            <numerusform>All interviews (%n)</numerusform>
            <numerusform>All interviews (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message numerus="yes">
        <source>Report of %n interview(s) written to %1.</source>
        <translation>
            <numerusform>Report of %n interview written to %1.</numerusform>
            <numerusform>Report of %n interviews written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamMenu</name>
    <message numerus="yes">
        <source>%n interview(s) assigned to %1</source>
        <translation>
            <numerusform>%n interview assigned to %1</numerusform>
            <numerusform>%n interviews assigned to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merged %1: %n annotation(s) added</source>
        <translation>
            <numerusform>Merged %1: %n annotation added</numerusform>
            <numerusform>Merged %1: %n annotations added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) merged.</source>
        <translation>
            <numerusform>%n file merged.</numerusform>
            <numerusform>%n files merged.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message numerus="yes">
        <source>Imported %n interview(s).</source>
        <translation>
            <numerusform>Imported %n interview.</numerusform>
            <numerusform>Imported %n interviews.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported: %n interview(s).</source>
        <translation>
            <numerusform>Imported: %n interview.</numerusform>
            <numerusform>Imported: %n interviews.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped, already in the project: %n.</source>
        <translation>
            <numerusform>Skipped, already in the project: %n.</numerusform>
            <numerusform>Skipped, already in the project: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed: %n file(s).</source>
        <translation>
            <numerusform>Failed: %n file.</numerusform>
            <numerusform>Failed: %n files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Notes on how files were read: %n.</source>
        <translation>
            <numerusform>Notes on how files were read: %n.</numerusform>
            <numerusform>Notes on how files were read: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new document(s)</source>
        <translation>
            <numerusform>%n new document</numerusform>
            <numerusform>%n new documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written</source>
        <translation>
            <numerusform>%n row written</numerusform>
            <numerusform>%n rows written</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WordListPage</name>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
</context>
</TS>
