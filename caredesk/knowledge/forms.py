"""Forms of the knowledge pages (the services validate; forms only shape the input)."""

from __future__ import annotations

from django import forms

from caredesk.knowledge.models import ArticleKind, Audience


class ArticleForm(forms.Form):
    title = forms.CharField(max_length=200)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 10}), max_length=20_000)
    keywords = forms.CharField(max_length=300, required=False)


class NewArticleForm(ArticleForm):
    program = forms.TypedChoiceField(coerce=int, choices=())
    kind = forms.ChoiceField(choices=ArticleKind.choices)
    audience = forms.ChoiceField(choices=Audience.choices)
    language = forms.CharField(max_length=2, initial="en")


class ApproveForm(forms.Form):
    password = forms.CharField(widget=forms.PasswordInput, max_length=200)
    note = forms.CharField(required=False, max_length=2000)


class RejectForm(forms.Form):
    note = forms.CharField(max_length=2000)
