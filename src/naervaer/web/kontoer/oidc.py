"""Log in through an OpenID Connect provider (ID-porten, Ansattporten), when configured.

The provider proves who the person is; what they may see is still decided by Nærvær's own
access (``virksomheter.tilgang``), so a new person logs in with no virksomhet until an
administrator grants one. Users are keyed on the provider's stable subject (``sub``), never on a
national identity number, which Nærvær has no reason to keep.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class OidcInnlogging(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        subjekt = claims.get("sub")
        if not subjekt:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(username=f"oidc:{subjekt}")

    def create_user(self, claims: dict[str, Any]) -> User:
        bruker: User = self.UserModel.objects.create_user(
            username=f"oidc:{claims['sub']}",
            email=claims.get("email", ""),
            first_name=claims.get("given_name", ""),
            last_name=claims.get("family_name", ""),
        )
        return bruker

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        user.email = claims.get("email", user.email)
        user.first_name = claims.get("given_name", user.first_name)
        user.last_name = claims.get("family_name", user.last_name)
        user.save(update_fields=["email", "first_name", "last_name"])
        return user
