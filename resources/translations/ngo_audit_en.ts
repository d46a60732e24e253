<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AuditRunView</name>
    <message numerus="yes">
        <location filename="../../ui/audits/audit_run.py" line="+256"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditorsPage</name>
    <message numerus="yes">
        <location filename="../../ui/people/auditors_page.py" line="+106"/>
        <source>%n auditor(s) in the register</source>
        <translation>
            <numerusform>%n auditor in the register</numerusform>
            <numerusform>%n auditors in the register</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditsModel</name>
    <message numerus="yes">
        <location filename="../../ui/audits/model.py" line="+100"/>
        <source>%n term(s) not checked yet</source>
        <translation>
            <numerusform>%n term not checked yet</numerusform>
            <numerusform>%n terms not checked yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditsPage</name>
    <message numerus="yes">
        <location filename="../../ui/audits/page.py" line="+138"/>
        <source>%n audit(s)</source>
        <translation>
            <numerusform>%n audit</numerusform>
            <numerusform>%n audits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContractPage</name>
    <message numerus="yes">
        <location filename="../../ui/contract/page.py" line="+300"/>
        <source>%n term(s)</source>
        <translation>
            <numerusform>%n term</numerusform>
            <numerusform>%n terms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <location filename="../../ui/dashboard/page.py" line="+264"/>
        <source>%n rectification(s) are past their deadline without a reported rectification.</source>
        <translation>
            <numerusform>%n rectification is past its deadline without a reported rectification.</numerusform>
            <numerusform>%n rectifications are past their deadline without a reported rectification.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>due in %n day(s)</source>
        <translation>
            <numerusform>due in %n day</numerusform>
            <numerusform>due in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DoneStep</name>
    <message numerus="yes">
        <location filename="../../ui/setup/wizard_steps.py" line="+292"/>
        <source>%n term(s)</source>
        <translation>
            <numerusform>%n term</numerusform>
            <numerusform>%n terms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n active auditor(s)</source>
        <translation>
            <numerusform>%n active auditor</numerusform>
            <numerusform>%n active auditors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n grid cell(s)</source>
        <translation>
            <numerusform>%n grid cell</numerusform>
            <numerusform>%n grid cells</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n subject(s)</source>
        <translation>
            <numerusform>%n subject</numerusform>
            <numerusform>%n subjects</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message numerus="yes">
        <location filename="../../ui/plan/draw_dialog.py" line="+223"/>
        <source>%n subject(s) in the pool</source>
        <translation>
            <numerusform>%n subject in the pool</numerusform>
            <numerusform>%n subjects in the pool</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message numerus="yes">
        <location filename="../../ui/findings/page.py" line="+143"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Due within %n day(s)</source>
        <translation>
            <numerusform>Due within %n day</numerusform>
            <numerusform>Due within %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GridPage</name>
    <message numerus="yes">
        <location filename="../../ui/grid/grid_page.py" line="+106"/>
        <source>%n grid cell(s)</source>
        <translation>
            <numerusform>%n grid cell</numerusform>
            <numerusform>%n grid cells</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeadsPage</name>
    <message numerus="yes">
        <location filename="../../ui/leads/page.py" line="+152"/>
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n lead</numerusform>
            <numerusform>%n leads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+115"/>
        <source>Findings linked (%n)</source>
        <translation>
            <numerusform>Finding linked (%n)</numerusform>
            <numerusform>Findings linked (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <location filename="../../ui/sharing/merge_dialog.py" line="+186"/>
        <source>%n conflict(s): the same thing was changed differently in the master and in the copy since they parted. Nothing has been merged yet. Choose which side wins — the choice applies to all of them at once — then merge again.</source>
        <translation>
            <numerusform>%n conflict: the same thing was changed differently in the master and in the copy since they parted. Nothing has been merged yet. Choose which side wins, then merge again.</numerusform>
            <numerusform>%n conflicts: the same thing was changed differently in the master and in the copy since they parted. Nothing has been merged yet. Choose which side wins — the choice applies to all of them at once — then merge again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message numerus="yes">
        <location filename="../../ui/plan/page.py" line="+278"/>
        <source>%n planned visit(s)</source>
        <translation>
            <numerusform>%n planned visit</numerusform>
            <numerusform>%n planned visits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubjectsPage</name>
    <message numerus="yes">
        <location filename="../../ui/subjects/page.py" line="+221"/>
        <source>%n subject(s) exported to %1</source>
        <translation>
            <numerusform>%n subject exported to %1</numerusform>
            <numerusform>%n subjects exported to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n subject(s)</source>
        <translation>
            <numerusform>%n subject</numerusform>
            <numerusform>%n subjects</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubjectsStep</name>
    <message numerus="yes">
        <location filename="../../ui/setup/wizard_steps.py" line="-27"/>
        <source>%n subject(s) in the file</source>
        <translation>
            <numerusform>%n subject in the file</numerusform>
            <numerusform>%n subjects in the file</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TermSources</name>
    <message numerus="yes">
        <location filename="../../ui/setup/term_sources.py" line="+187"/>
        <source>%n term(s) copied.</source>
        <translation>
            <numerusform>%n term copied.</numerusform>
            <numerusform>%n terms copied.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n term(s) imported.</source>
        <translation>
            <numerusform>%n term imported.</numerusform>
            <numerusform>%n terms imported.</numerusform>
        </translation>
    </message>
</context>
</TS>
