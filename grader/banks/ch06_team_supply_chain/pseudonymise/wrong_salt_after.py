# Wrong: puts the salt after the id, not before it as the contract says.
import hashlib


def pseudonymise(ids, salt):
    return ids.map(lambda x: hashlib.sha256((x + salt).encode("utf-8")).hexdigest()[:16])
