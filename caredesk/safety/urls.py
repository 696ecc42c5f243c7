from django.urls import path

from caredesk.safety import views, views_case, views_findings, views_qa
from caredesk.safety import views_calendar as cal
from caredesk.safety import views_compliance as cmp
from caredesk.safety import views_submissions as subs

app_name = "safety"
C = "cases/<int:safety_case_id>/"
S = "submissions/<int:submission_id>/"
urlpatterns = [
    path("", views.queue, name="queue"),
    path(C, views.case_detail, name="case"),
    path(C + "patient/", views_case.patient, name="patient"),
    path(C + "assessment/", views_case.assessment, name="assessment"),
    path(C + "criterion/", views_case.criterion, name="criterion"),
    path(C + "reactions/", views_case.reaction_add, name="reaction_add"),
    path(
        C + "reactions/<int:reaction_id>/remove/",
        views_case.reaction_remove,
        name="reaction_remove",
    ),
    path(C + "drugs/", views_case.drug_add, name="drug_add"),
    path(C + "drugs/<int:drug_id>/remove/", views_case.drug_remove, name="drug_remove"),
    path(C + "forward/", views_case.forward, name="forward"),
    path(C + "acknowledge/", views_case.acknowledge, name="acknowledge"),
    path(C + "close/", views_case.close, name="close"),
    path(C + "follow-ups/<int:attempt_id>/", views_case.follow_up, name="follow_up"),
    path(
        "findings/<int:finding_id>/confirm/", views_findings.finding_confirm, name="finding_confirm"
    ),
    path(
        "findings/<int:finding_id>/dismiss/", views_findings.finding_dismiss, name="finding_dismiss"
    ),
    path(
        "interactions/<int:interaction_id>/findings/",
        views_findings.finding_add,
        name="finding_add",
    ),
    path(
        "interactions/<int:interaction_id>/clear/",
        views_findings.interaction_clear,
        name="interaction_clear",
    ),
    path(
        "interactions/<int:interaction_id>/panel/",
        views_findings.interaction_panel,
        name="interaction_panel",
    ),
    path("terms/", views.term_search, name="terms"),
    path("calendar/", cal.calendar, name="calendar"),
    path("reports/<int:report_id>/late-reason/", cal.late_reason, name="late_reason"),
    path("programs/<int:program_id>/safety-lead/", cal.safety_lead, name="safety_lead"),
    path("compliance/", cmp.compliance, name="compliance"),
    path("compliance/export.csv", cmp.compliance_export, name="compliance_export"),
    path("qa/", views_qa.qa_queue, name="qa"),
    path("qa/<int:qa_review_id>/", views_qa.qa_review, name="qa_review"),
    path(C + "submissions/", subs.panel, name="submissions"),
    path(C + "submissions/check/", subs.check, name="submission_check"),
    path(C + "submissions/prepare/", subs.prepare, name="submission_prepare"),
    path(C + "export/e2b/", subs.export, {"fmt": "e2b"}, name="export_e2b"),
    path(C + "export/medwatch/", subs.export, {"fmt": "medwatch"}, name="export_medwatch"),
    path(C + "export/fhir/", subs.export, {"fmt": "fhir"}, name="export_fhir"),
    path("submissions/", subs.submission_list, name="submission_list"),
    path(S + "content/", subs.content, name="submission_content"),
    path(S + "sign/", subs.sign, name="submission_sign"),
    path(S + "send/", subs.send, name="submission_send"),
    path(S + "sent/", subs.sent, name="submission_sent"),
    path(S + "ack/", subs.ack, name="submission_ack"),
    path(S + "resubmit/", subs.resubmit, name="submission_resubmit"),
]
