# Wrong: hashes the id without the salt, so anyone can hash every id and reverse it.
import hashlib


def pseudonymise(ids, salt):
    return ids.map(lambda x: hashlib.sha256(x.encode("utf-8")).hexdigest()[:16])
