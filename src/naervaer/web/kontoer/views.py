from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.contrib.auth.views import LoginView, PasswordResetConfirmView
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from naervaer.web.virksomheter.tilgang import virksomheter_for


class Innloggingsskjema(AuthenticationForm):
    error_messages = {  # noqa: RUF012
        "invalid_login": "Feil e-postadresse eller passord. Husk at passordet skiller mellom store "
        "og små bokstaver.",
        "inactive": "Denne kontoen er ikke aktiv.",
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = "E-postadresse"
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})
        self.fields["password"].label = "Passord"


class LoggInn(LoginView):
    template_name = "kontoer/logg_inn.html"
    form_class = Innloggingsskjema
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        kontekst = super().get_context_data(**kwargs)
        kontekst["oidc_paa"] = settings.OIDC_PAA
        kontekst["oidc_navn"] = settings.NAERVAER_OIDC_NAVN
        return kontekst


class Passordskjema(SetPasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "Nytt passord"
        self.fields["new_password2"].label = "Skriv passordet en gang til"


class NyttPassord(PasswordResetConfirmView):
    """The link in an invitation: a new user chooses a password, once."""

    template_name = "kontoer/nytt_passord.html"
    form_class = Passordskjema
    post_reset_login = False

    def get_success_url(self) -> str:
        messages.success(self.request, "Passordet er lagret. Logg inn med e-postadressen din.")
        return reverse("kontoer:logg_inn")


@require_POST
def logg_ut(request: HttpRequest) -> HttpResponseRedirect:
    logout(request)
    return redirect(settings.LOGOUT_REDIRECT_URL)


@login_required
def forside(request: HttpRequest) -> HttpResponse:
    """The company picker; a user with one virksomhet goes straight to its statistics."""
    virksomheter = virksomheter_for(request.user)
    if len(virksomheter) == 1 and "velg" not in request.GET:
        return redirect(reverse("statistikk:side", args=[virksomheter[0].virksomhet.orgnr]))
    return render(request, "kontoer/forside.html", {"virksomheter": virksomheter})


def helse(request: HttpRequest) -> HttpResponse:
    """For the load balancer: answers 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
