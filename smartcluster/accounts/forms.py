from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from smartcluster.accounts import selectors, services

# An e-mail address can be longer than a user name (RFC 5321: 254 characters in a path).
EMAIL_MAX_LENGTH = 254


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=100,
                           help_text=_("What the token is for, for example “notebook on my laptop”."))


class LoginForm(AuthenticationForm):
    """Django's login form, which also takes the e-mail address and refuses a signed-up account whose address is
    not confirmed yet (sending the confirmation link again)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "unconfirmed": _("This account's e-mail address is not confirmed yet. Open the link in the confirmation "
                         "e-mail we sent to it (look in your spam folder too), then log in. A new e-mail is sent "
                         "at most once every few minutes."),
    }

    def __init__(self, request: HttpRequest | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        username = self.fields["username"]
        username.label = _("Username or e-mail address")
        username.max_length = EMAIL_MAX_LENGTH
        username.widget.attrs["maxlength"] = str(EMAIL_MAX_LENGTH)
        self.unconfirmed = False

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        if selectors.email_unconfirmed(user=user):
            self.unconfirmed = True
            services.email_confirmation_resend(request=self.request, user=user)
            raise ValidationError(self.error_messages["unconfirmed"], code="unconfirmed")


class SignupDetailsForm(forms.Form):
    """What sign-up asks besides e-mail and password (allauth's ACCOUNT_SIGNUP_FORM_CLASS): the person's name."""

    # At most 99 characters each, so that "first last" fits the person record's name (200).
    first_name = forms.CharField(label=_("First name"), max_length=99,
                                 widget=forms.TextInput(attrs={"autocomplete": "given-name"}))
    last_name = forms.CharField(label=_("Last name"), max_length=99,
                                widget=forms.TextInput(attrs={"autocomplete": "family-name"}))
    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def signup(self, request: HttpRequest, user: Any) -> None:
        """allauth's hook once the user is saved (names included); allauth requires it. The person record follows
        from allauth's `user_signed_up` signal (organisations.signals), since accounts sits below organisations."""
