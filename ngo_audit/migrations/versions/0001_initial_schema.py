"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('auditor',
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('role', sa.Enum('staff', 'volunteer', 'expert', name='auditorrole', native_enum=False, length=24), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_auditor')),
    sa.UniqueConstraint('uid', name=op.f('uq_auditor_uid'))
    )
    op.create_table('change_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=60), nullable=False),
    sa.Column('origin', sa.String(length=80), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('record_uid', sa.String(length=64), nullable=False),
    sa.Column('record_label', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('old', sa.Text(), nullable=True),
    sa.Column('new', sa.Text(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_log')),
    sa.UniqueConstraint('uid', name=op.f('uq_change_log_uid'))
    )
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_log_at'), ['at'], unique=False)
        batch_op.create_index('ix_change_log_record', ['table_name', 'record_uid'], unique=False)

    op.create_table('contract',
    sa.Column('number', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('government', sa.String(length=120), nullable=False),
    sa.Column('ngo', sa.String(length=120), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('scope', sa.Text(), nullable=False),
    sa.Column('reporting_frequency', sa.Enum('monthly', 'quarterly', 'half_yearly', 'yearly', name='reportingfrequency', native_enum=False, length=24), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contract')),
    sa.UniqueConstraint('uid', name=op.f('uq_contract_uid'))
    )
    op.create_table('evidence_blob',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('width', sa.Integer(), nullable=True),
    sa.Column('height', sa.Integer(), nullable=True),
    sa.Column('data', sa.LargeBinary(), nullable=True),
    sa.Column('thumbnail', sa.LargeBinary(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence_blob')),
    sa.UniqueConstraint('sha256', name=op.f('uq_evidence_blob_sha256'))
    )
    op.create_table('file_info',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_file_info'))
    )
    op.create_table('grid',
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('level', sa.Enum('city', 'county', 'township', 'special', name='gridlevel', native_enum=False, length=24), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['grid.id'], name=op.f('fk_grid_parent_id_grid'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grid')),
    sa.UniqueConstraint('uid', name=op.f('uq_grid_uid'))
    )
    with op.batch_alter_table('grid', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grid_parent_id'), ['parent_id'], unique=False)

    op.create_table('audit_plan',
    sa.Column('contract_id', sa.Integer(), nullable=False),
    sa.Column('quarter', sa.String(length=6), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['contract_id'], ['contract.id'], name=op.f('fk_audit_plan_contract_id_contract'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_plan')),
    sa.UniqueConstraint('contract_id', 'quarter', name=op.f('uq_audit_plan_contract_id_quarter')),
    sa.UniqueConstraint('uid', name=op.f('uq_audit_plan_uid'))
    )
    with op.batch_alter_table('audit_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_plan_contract_id'), ['contract_id'], unique=False)

    op.create_table('subject',
    sa.Column('kind', sa.Enum('enterprise', 'department', name='subjectkind', native_enum=False, length=24), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('credit_code', sa.String(length=18), nullable=True),
    sa.Column('sector', sa.Enum('primary', 'secondary', 'tertiary', name='sector', native_enum=False, length=24), nullable=True),
    sa.Column('industry', sa.String(length=60), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('contact_person', sa.String(length=60), nullable=False),
    sa.Column('contact_phone', sa.String(length=40), nullable=False),
    sa.Column('key_monitored', sa.Boolean(), nullable=False),
    sa.Column('credit_level', sa.Enum('green', 'blue', 'yellow', 'red', 'black', name='creditlevel', native_enum=False, length=24), nullable=True),
    sa.Column('blacklist_recommended', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('sort_key', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_subject_grid_id_grid'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subject')),
    sa.UniqueConstraint('credit_code', name=op.f('uq_subject_credit_code')),
    sa.UniqueConstraint('uid', name=op.f('uq_subject_uid'))
    )
    with op.batch_alter_table('subject', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_subject_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_subject_industry'), ['industry'], unique=False)
        batch_op.create_index(batch_op.f('ix_subject_key_monitored'), ['key_monitored'], unique=False)
        batch_op.create_index(batch_op.f('ix_subject_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_subject_name'), ['name'], unique=False)

    op.create_table('lead',
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('channel', sa.Enum('hotline_12369', 'volunteer', 'info_officer', 'public', 'media', 'other', name='leadchannel', native_enum=False, length=24), nullable=False),
    sa.Column('reporter', sa.String(length=60), nullable=False),
    sa.Column('reporter_contact', sa.String(length=60), nullable=False),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('received', 'checking', 'confirmed', 'unfounded', 'referred', 'closed', name='leadstatus', native_enum=False, length=24), nullable=False),
    sa.Column('handled_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['subject_id'], ['subject.id'], name=op.f('fk_lead_subject_id_subject'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lead')),
    sa.UniqueConstraint('uid', name=op.f('uq_lead_uid'))
    )
    with op.batch_alter_table('lead', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lead_received_on'), ['received_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_lead_subject_id'), ['subject_id'], unique=False)

    op.create_table('random_draw',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('algorithm', sa.String(length=32), nullable=False),
    sa.Column('seed', sa.String(length=64), nullable=False),
    sa.Column('pool_filter', sa.JSON(), nullable=False),
    sa.Column('pool', sa.JSON(), nullable=False),
    sa.Column('subject_count', sa.Integer(), nullable=False),
    sa.Column('result', sa.JSON(), nullable=False),
    sa.Column('auditor_pool', sa.JSON(), nullable=False),
    sa.Column('auditor_count', sa.Integer(), nullable=False),
    sa.Column('auditor_result', sa.JSON(), nullable=False),
    sa.Column('drawn_at', sa.DateTime(), nullable=False),
    sa.Column('drawn_by', sa.String(length=60), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['audit_plan.id'], name=op.f('fk_random_draw_plan_id_audit_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_random_draw')),
    sa.UniqueConstraint('uid', name=op.f('uq_random_draw_uid'))
    )
    with op.batch_alter_table('random_draw', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_random_draw_plan_id'), ['plan_id'], unique=False)

    op.create_table('term',
    sa.Column('contract_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('chapter', sa.String(length=120), nullable=False),
    sa.Column('sort_key', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('obligation', 'criterion', name='termkind', native_enum=False, length=24), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('metric', sa.Enum('key_enterprise_visits', 'department_audits', 'audits_per_quarter', 'drawn_subjects', 'verification_days', 'lead_response_days', 'report_days', 'other', name='obligationmetric', native_enum=False, length=32), nullable=True),
    sa.Column('target', sa.Integer(), nullable=True),
    sa.Column('category', sa.String(length=60), nullable=False),
    sa.Column('legal_basis', sa.Text(), nullable=False),
    sa.Column('applies_to', sa.Enum('enterprises', 'departments', 'department', 'all', name='appliesto', native_enum=False, length=24), nullable=True),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('default_severity', sa.Enum('minor', 'general', 'serious', 'critical', name='severity', native_enum=False, length=24), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['contract_id'], ['contract.id'], name=op.f('fk_term_contract_id_contract'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['department_id'], ['subject.id'], name=op.f('fk_term_department_id_subject'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_term')),
    sa.UniqueConstraint('uid', name=op.f('uq_term_uid'))
    )
    with op.batch_alter_table('term', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_term_contract_id'), ['contract_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_term_department_id'), ['department_id'], unique=False)

    op.create_table('plan_item',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('planned_date', sa.Date(), nullable=True),
    sa.Column('source', sa.Enum('mandatory', 'draw', 'follow_up', 'lead', 'manual', name='planitemsource', native_enum=False, length=24), nullable=False),
    sa.Column('draw_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['draw_id'], ['random_draw.id'], name=op.f('fk_plan_item_draw_id_random_draw'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['plan_id'], ['audit_plan.id'], name=op.f('fk_plan_item_plan_id_audit_plan'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['subject_id'], ['subject.id'], name=op.f('fk_plan_item_subject_id_subject'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_item')),
    sa.UniqueConstraint('uid', name=op.f('uq_plan_item_uid'))
    )
    with op.batch_alter_table('plan_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_item_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_item_subject_id'), ['subject_id'], unique=False)

    op.create_table('audit',
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('plan_item_id', sa.Integer(), nullable=True),
    sa.Column('audit_date', sa.Date(), nullable=False),
    sa.Column('audit_type', sa.Enum('announced', 'unannounced', 'follow_up', 'joint', name='audittype', native_enum=False, length=24), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['plan_item_id'], ['plan_item.id'], name=op.f('fk_audit_plan_item_id_plan_item'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['subject_id'], ['subject.id'], name=op.f('fk_audit_subject_id_subject'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit')),
    sa.UniqueConstraint('uid', name=op.f('uq_audit_uid'))
    )
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_audit_date'), ['audit_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_plan_item_id'), ['plan_item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_subject_id'), ['subject_id'], unique=False)

    op.create_table('plan_item_auditor',
    sa.Column('plan_item_id', sa.Integer(), nullable=False),
    sa.Column('auditor_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['auditor_id'], ['auditor.id'], name=op.f('fk_plan_item_auditor_auditor_id_auditor'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_item_id'], ['plan_item.id'], name=op.f('fk_plan_item_auditor_plan_item_id_plan_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('plan_item_id', 'auditor_id', name=op.f('pk_plan_item_auditor'))
    )
    op.create_table('plan_item_term',
    sa.Column('plan_item_id', sa.Integer(), nullable=False),
    sa.Column('term_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['plan_item_id'], ['plan_item.id'], name=op.f('fk_plan_item_term_plan_item_id_plan_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['term_id'], ['term.id'], name=op.f('fk_plan_item_term_term_id_term'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('plan_item_id', 'term_id', name=op.f('pk_plan_item_term'))
    )
    op.create_table('audit_auditor',
    sa.Column('audit_id', sa.Integer(), nullable=False),
    sa.Column('auditor_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['audit_id'], ['audit.id'], name=op.f('fk_audit_auditor_audit_id_audit'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['auditor_id'], ['auditor.id'], name=op.f('fk_audit_auditor_auditor_id_auditor'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('audit_id', 'auditor_id', name=op.f('pk_audit_auditor'))
    )
    op.create_table('audit_result',
    sa.Column('audit_id', sa.Integer(), nullable=False),
    sa.Column('term_id', sa.Integer(), nullable=False),
    sa.Column('result', sa.Enum('compliant', 'non_compliant', 'not_applicable', 'not_checked', name='termresult', native_enum=False, length=24), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['audit_id'], ['audit.id'], name=op.f('fk_audit_result_audit_id_audit'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['term_id'], ['term.id'], name=op.f('fk_audit_result_term_id_term'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_result')),
    sa.UniqueConstraint('audit_id', 'term_id', name=op.f('uq_audit_result_audit_id_term_id')),
    sa.UniqueConstraint('uid', name=op.f('uq_audit_result_uid'))
    )
    with op.batch_alter_table('audit_result', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_result_audit_id'), ['audit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_result_term_id'), ['term_id'], unique=False)

    op.create_table('finding',
    sa.Column('audit_id', sa.Integer(), nullable=True),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('term_id', sa.Integer(), nullable=False),
    sa.Column('found_on', sa.Date(), nullable=False),
    sa.Column('severity', sa.Enum('minor', 'general', 'serious', 'critical', name='severity', native_enum=False, length=24), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('requirement', sa.Text(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('open', 'notified', 'reported', 'escalated', 'closed', 'withdrawn', name='findingstatus', native_enum=False, length=24), nullable=False),
    sa.Column('status_on', sa.Date(), nullable=True),
    sa.Column('withdrawn_reason', sa.Text(), nullable=False),
    sa.Column('blacklist_recommended', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['audit_id'], ['audit.id'], name=op.f('fk_finding_audit_id_audit'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['subject_id'], ['subject.id'], name=op.f('fk_finding_subject_id_subject'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['term_id'], ['term.id'], name=op.f('fk_finding_term_id_term'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_finding')),
    sa.UniqueConstraint('uid', name=op.f('uq_finding_uid'))
    )
    with op.batch_alter_table('finding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_finding_audit_id'), ['audit_id'], unique=False)
        batch_op.create_index('ix_finding_found_on_status', ['found_on', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_finding_severity'), ['severity'], unique=False)
        batch_op.create_index('ix_finding_status_deadline', ['status', 'deadline'], unique=False)
        batch_op.create_index(batch_op.f('ix_finding_subject_id'), ['subject_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_finding_term_id'), ['term_id'], unique=False)

    op.create_table('escalation',
    sa.Column('finding_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.Enum('enforcement', 'media', 'procuratorate', 'litigation', 'other', name='escalationchannel', native_enum=False, length=24), nullable=False),
    sa.Column('escalated_on', sa.Date(), nullable=False),
    sa.Column('recipient', sa.String(length=120), nullable=False),
    sa.Column('reference_no', sa.String(length=80), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['finding_id'], ['finding.id'], name=op.f('fk_escalation_finding_id_finding'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_escalation')),
    sa.UniqueConstraint('uid', name=op.f('uq_escalation_uid'))
    )
    with op.batch_alter_table('escalation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_escalation_finding_id'), ['finding_id'], unique=False)

    op.create_table('evidence',
    sa.Column('blob_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.Enum('photo', 'document', 'audio', name='evidencekind', native_enum=False, length=24), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('original_name', sa.String(length=260), nullable=False),
    sa.Column('caption', sa.Text(), nullable=False),
    sa.Column('phase', sa.Enum('none', 'before', 'after', name='evidencephase', native_enum=False, length=24), nullable=False),
    sa.Column('captured_at', sa.DateTime(), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('taken_by', sa.String(length=60), nullable=False),
    sa.Column('finding_id', sa.Integer(), nullable=True),
    sa.Column('audit_id', sa.Integer(), nullable=True),
    sa.Column('subject_id', sa.Integer(), nullable=True),
    sa.Column('lead_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['audit_id'], ['audit.id'], name=op.f('fk_evidence_audit_id_audit'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['blob_id'], ['evidence_blob.id'], name=op.f('fk_evidence_blob_id_evidence_blob'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['finding_id'], ['finding.id'], name=op.f('fk_evidence_finding_id_finding'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['lead_id'], ['lead.id'], name=op.f('fk_evidence_lead_id_lead'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['subject_id'], ['subject.id'], name=op.f('fk_evidence_subject_id_subject'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence')),
    sa.UniqueConstraint('uid', name=op.f('uq_evidence_uid'))
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_audit_id'), ['audit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_blob_id'), ['blob_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_finding_id'), ['finding_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_lead_id'), ['lead_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_subject_id'), ['subject_id'], unique=False)

    op.create_table('lead_finding',
    sa.Column('lead_id', sa.Integer(), nullable=False),
    sa.Column('finding_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['finding_id'], ['finding.id'], name=op.f('fk_lead_finding_finding_id_finding'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['lead_id'], ['lead.id'], name=op.f('fk_lead_finding_lead_id_lead'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('lead_id', 'finding_id', name=op.f('pk_lead_finding'))
    )
    op.create_table('rectification_event',
    sa.Column('finding_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('notice', 'response', 'extension', 'verification', 'escalation', 'withdrawal', 'note', name='eventkind', native_enum=False, length=24), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=False),
    sa.Column('actor', sa.String(length=60), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('reference_no', sa.String(length=80), nullable=False),
    sa.Column('new_deadline', sa.Date(), nullable=True),
    sa.Column('passed', sa.Boolean(), nullable=True),
    sa.Column('audit_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['audit_id'], ['audit.id'], name=op.f('fk_rectification_event_audit_id_audit'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['finding_id'], ['finding.id'], name=op.f('fk_rectification_event_finding_id_finding'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rectification_event')),
    sa.UniqueConstraint('uid', name=op.f('uq_rectification_event_uid'))
    )
    with op.batch_alter_table('rectification_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rectification_event_finding_id'), ['finding_id'], unique=False)

    # The change log is append-only; the ORM refuses too, this guards every other writer.
    if op.get_bind().dialect.name == 'sqlite':
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER change_log_no_{verb.lower()} BEFORE {verb} ON change_log "
                "BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END"
            )
    else:  # PostgreSQL (a team database): the same rule as a trigger function, TRUNCATE included
        op.execute(
            "CREATE FUNCTION change_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION 'the change log is append-only' USING ERRCODE = 'insufficient_privilege'; "
            "END $$"
        )
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER change_log_no_{verb.lower()} BEFORE {verb} ON change_log "
                "FOR EACH ROW EXECUTE FUNCTION change_log_append_only()"
            )
        op.execute("CREATE TRIGGER change_log_no_truncate BEFORE TRUNCATE ON change_log "
                   "FOR EACH STATEMENT EXECUTE FUNCTION change_log_append_only()")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        op.execute("DROP TRIGGER IF EXISTS change_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS change_log_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS change_log_no_truncate ON change_log")
        op.execute("DROP TRIGGER IF EXISTS change_log_no_update ON change_log")
        op.execute("DROP TRIGGER IF EXISTS change_log_no_delete ON change_log")
        op.execute("DROP FUNCTION IF EXISTS change_log_append_only()")
    with op.batch_alter_table('rectification_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rectification_event_finding_id'))

    op.drop_table('rectification_event')
    op.drop_table('lead_finding')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_subject_id'))
        batch_op.drop_index(batch_op.f('ix_evidence_sha256'))
        batch_op.drop_index(batch_op.f('ix_evidence_lead_id'))
        batch_op.drop_index(batch_op.f('ix_evidence_finding_id'))
        batch_op.drop_index(batch_op.f('ix_evidence_blob_id'))
        batch_op.drop_index(batch_op.f('ix_evidence_audit_id'))

    op.drop_table('evidence')
    with op.batch_alter_table('escalation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_escalation_finding_id'))

    op.drop_table('escalation')
    with op.batch_alter_table('finding', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_finding_term_id'))
        batch_op.drop_index(batch_op.f('ix_finding_subject_id'))
        batch_op.drop_index('ix_finding_status_deadline')
        batch_op.drop_index(batch_op.f('ix_finding_severity'))
        batch_op.drop_index('ix_finding_found_on_status')
        batch_op.drop_index(batch_op.f('ix_finding_audit_id'))

    op.drop_table('finding')
    with op.batch_alter_table('audit_result', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_result_term_id'))
        batch_op.drop_index(batch_op.f('ix_audit_result_audit_id'))

    op.drop_table('audit_result')
    op.drop_table('audit_auditor')
    op.drop_table('plan_item_term')
    op.drop_table('plan_item_auditor')
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_subject_id'))
        batch_op.drop_index(batch_op.f('ix_audit_plan_item_id'))
        batch_op.drop_index(batch_op.f('ix_audit_audit_date'))

    op.drop_table('audit')
    with op.batch_alter_table('plan_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_item_subject_id'))
        batch_op.drop_index(batch_op.f('ix_plan_item_plan_id'))

    op.drop_table('plan_item')
    with op.batch_alter_table('term', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_term_department_id'))
        batch_op.drop_index(batch_op.f('ix_term_contract_id'))

    op.drop_table('term')
    with op.batch_alter_table('random_draw', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_random_draw_plan_id'))

    op.drop_table('random_draw')
    with op.batch_alter_table('lead', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lead_subject_id'))
        batch_op.drop_index(batch_op.f('ix_lead_received_on'))

    op.drop_table('lead')
    with op.batch_alter_table('subject', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_subject_name'))
        batch_op.drop_index(batch_op.f('ix_subject_kind'))
        batch_op.drop_index(batch_op.f('ix_subject_key_monitored'))
        batch_op.drop_index(batch_op.f('ix_subject_industry'))
        batch_op.drop_index(batch_op.f('ix_subject_grid_id'))

    op.drop_table('subject')
    with op.batch_alter_table('audit_plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_plan_contract_id'))

    op.drop_table('audit_plan')
    with op.batch_alter_table('grid', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grid_parent_id'))

    op.drop_table('grid')
    op.drop_table('file_info')
    op.drop_table('evidence_blob')
    op.drop_table('contract')
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index('ix_change_log_record')
        batch_op.drop_index(batch_op.f('ix_change_log_at'))

    op.drop_table('change_log')
    op.drop_table('auditor')
