"""Sealing protected pages and files: AES-256-GCM under keys derived from the readers' passwords.

Built here with standard primitives only (PBKDF2-HMAC-SHA256, HMAC-SHA256, AES-256-GCM from the
`cryptography` package), opened in the browser by the same primitives of WebCrypto
(generator/assets/access.js); nothing is hand-written.

- Each reader (a region, the head office) has a key: PBKDF2 of its password, 600,000 rounds of
  SHA-256 (OWASP's advice), with a salt of its own made from the site's name and the reader's.
  The browser derives it once, when the password is typed, and keeps it for the tab's session.
- Each sealed thing (a page's content, a download) has a content key of its own; it is
  encrypted once, and the content key is wrapped (AES-GCM) under the key of each reader who may
  open it. A wrong reader's key unwraps nothing: GCM's tag fails.
- Deterministic, so that two builds of the same plans with the same passwords give the same
  bytes: the content key is an HMAC of the sealed thing's name under a secret derived from the
  head office's key; each nonce is an HMAC of what it encrypts under the key it is used with
  (a synthetic IV: two different texts under one key get different nonces). The same text under
  the same key gives the same ciphertext, which tells an onlooker only that it did not change.

Why not mkdocs-encryptcontent-plugin (3.0.x): its passwords live in mkdocs.yml or a file, not
the environment; it caches derived keys in a file beside mkdocs.yml (easily committed); it
fetches crypto-js from a CDN unless downloaded at build time; its encrypted search needs a
patched Material; and it seals whole Markdown pages only, where our downloads must be sealed too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

VERSION = 1
ITERATIONS = 600_000
_SALT_BYTES = 16
_NONCE_BYTES = 12


@dataclass(frozen=True)
class ReaderKey:
    """Who may open a sealed thing: the salt that names the reader, and the key its password
    gives with that salt."""

    salt: bytes
    key: bytes


def reader_salt(site: str, reader: str) -> bytes:
    """The salt of a reader's key: public, the same at every build of this site."""
    text = f"salesplan access {VERSION}\0{site}\0{reader}".encode()
    return hashlib.sha256(text).digest()[:_SALT_BYTES]


def normal_password(password: str) -> str:
    """A password as both sides read it: Unicode NFC, without surrounding spaces."""
    return unicodedata.normalize("NFC", password).strip()


def reader_key(password: str, salt: bytes, iterations: int = ITERATIONS) -> ReaderKey:
    """The key of a reader: PBKDF2-HMAC-SHA256 of the password (as `normal_password` reads it)."""
    secret = normal_password(password).encode("utf-8")
    return ReaderKey(salt, hashlib.pbkdf2_hmac("sha256", secret, salt, iterations, dklen=32))


def _mac(key: bytes, label: bytes, message: bytes) -> bytes:
    return hmac.new(key, label + b"\0" + message, hashlib.sha256).digest()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class Sealer:
    """Seals texts and files for chosen readers; `master` is the builder's secret (derived from
    the head office's key), from which every content key follows."""

    def __init__(self, master: ReaderKey, iterations: int = ITERATIONS) -> None:
        self._secret = _mac(master.key, b"salesplan content keys", master.salt)
        self._iterations = iterations

    def seal(self, name: str, plaintext: bytes, readers: Sequence[ReaderKey]) -> dict:
        """The envelope of `plaintext` (JSON-ready): its ciphertext, and its content key wrapped
        for each reader. `name` (a page's path) makes each sealed thing's key its own."""
        content_key = _mac(self._secret, b"content", name.encode("utf-8"))
        nonce = _mac(content_key, b"nonce", plaintext)[:_NONCE_BYTES]
        data = AESGCM(content_key).encrypt(nonce, plaintext, None)
        keys = []
        for reader in readers:
            wrap_nonce = _mac(reader.key, b"wrap", content_key)[:_NONCE_BYTES]
            wrapped = AESGCM(reader.key).encrypt(wrap_nonce, content_key, None)
            keys.append({"salt": _b64(reader.salt), "iv": _b64(wrap_nonce), "key": _b64(wrapped)})
        return {
            "v": VERSION,
            "iterations": self._iterations,
            "keys": keys,
            "iv": _b64(nonce),
            "data": _b64(data),
        }


def open_envelope(envelope: dict, reader: ReaderKey) -> bytes | None:
    """What `Sealer.seal` sealed, opened with one reader's key; None when it may not open it.
    (The browser does this in access.js; the tests use this one.)"""
    salt = _b64(reader.salt)
    for wrap in envelope["keys"]:
        if wrap["salt"] != salt:
            continue
        try:
            wrapped = base64.b64decode(wrap["key"])
            content_key = AESGCM(reader.key).decrypt(base64.b64decode(wrap["iv"]), wrapped, None)
            data = base64.b64decode(envelope["data"])
            return AESGCM(content_key).decrypt(base64.b64decode(envelope["iv"]), data, None)
        except InvalidTag:  # sealed for another reader with the same salt
            continue
    return None
