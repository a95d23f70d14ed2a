"""Prints an access token of a demo citizen, got as a mobile app gets one: authorization code with
PKCE against the city's public client portal-<city>, signing in on Keycloak's real login page.

Usage: python3 app-token.py <issuer> <city> <gateway-port> <username> <password>
(the redirect URI, http://<city>.localhost:<gateway-port>/app, is never opened: the code is read
from Keycloak's redirect to it). Python standard library only.
"""
import base64
import hashlib
import html
import http.cookiejar
import json
import re
import secrets
import sys
import urllib.error
import urllib.parse
import urllib.request


class StopAtRedirectUri(urllib.request.HTTPRedirectHandler):
    def __init__(self, redirect_uri):
        self.redirect_uri = redirect_uri
        self.code = None

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if newurl.startswith(self.redirect_uri):
            self.code = urllib.parse.parse_qs(urllib.parse.urlsplit(newurl).query).get("code", [None])[0]
            return None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def main(issuer, city, port, username, password):
    redirect_uri = f"http://{city}.localhost:{port}/app"
    verifier = secrets.token_urlsafe(32)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    stop = StopAtRedirectUri(redirect_uri)
    # Keycloak marks its cookies Secure even on http://localhost, where browsers send them anyway
    cookies = http.cookiejar.DefaultCookiePolicy()
    cookies.return_ok_secure = lambda cookie, request: True
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar(cookies)), stop)
    page = opener.open(f"{issuer}/protocol/openid-connect/auth?" + urllib.parse.urlencode({
        "client_id": f"portal-{city}", "response_type": "code", "scope": "openid", "redirect_uri": redirect_uri,
        "state": secrets.token_urlsafe(16), "code_challenge": challenge, "code_challenge_method": "S256"})).read().decode()
    for _ in range(3):  # username and password on one page, or one after the other
        action = re.search(r'<form[^>]*action="([^"]*login-actions[^"]*)"', page)
        if not action:
            break
        fields = {"username": username, "password": password}
        if 'name="password"' not in page:
            fields.pop("password")
        try:
            page = opener.open(html.unescape(action.group(1)), urllib.parse.urlencode(fields).encode()).read().decode()
        except urllib.error.HTTPError as refused:
            if stop.code is None:
                raise
        if stop.code:
            break
    if not stop.code:
        sys.exit(f"Keycloak did not sign {username} in")
    token = json.load(opener.open(f"{issuer}/protocol/openid-connect/token", urllib.parse.urlencode({
        "grant_type": "authorization_code", "client_id": f"portal-{city}", "code": stop.code,
        "redirect_uri": redirect_uri, "code_verifier": verifier}).encode()))
    print(token["access_token"])


if __name__ == "__main__":
    main(*sys.argv[1:])
