"""wasm-aot large-WASI-program check: a real interpreter doing file, text and compression work in its sandbox."""
import hashlib, json, os, re, sys, zlib, collections, struct, math

src, dst = sys.argv[1], sys.argv[2]
with open(src, "rb") as f:
    data = f.read()
text = data.decode("utf-8")
words = re.findall(r"[a-z]+", text.lower())
counts = collections.Counter(words)
packed = zlib.compress(data * 50, 9)
assert zlib.decompress(packed) == data * 50
result = {
    "bytes": len(data),
    "sha256": hashlib.sha256(data).hexdigest(),
    "md5": hashlib.md5(data).hexdigest(),
    "crc32": zlib.crc32(data),
    "zlib50": len(packed),
    "top": sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5],
    "primes": [n for n in range(2, 200) if all(n % d for d in range(2, int(math.isqrt(n)) + 1))][-5:],
    "float": struct.pack("<d", math.sin(1.0) * math.exp(2.5)).hex(),
    "big": str(3 ** 400 % (10 ** 30 + 57)),
}
with open(dst, "w") as f:
    json.dump(result, f, indent=1, sort_keys=True)
    f.write("\n")
with open("existing.txt", "a") as f:
    f.write("appended by python\n")
os.rename("data/a.txt", "data/a-renamed.txt")
os.makedirs("made/deeper", exist_ok=True)
with open("made/deeper/note.txt", "w") as f:
    f.write("\n".join(sorted(os.listdir("data"))) + "\n")
for escape in ["../outside/secret.txt", "/etc/passwd", "link-out"]:
    try:
        with open(escape) as f:
            print("ESCAPED", escape, f.read())
    except OSError as e:
        print("refused", escape, type(e).__name__, e.errno)
print(json.dumps(result, sort_keys=True))
print("env", os.environ.get("JOB_MODE"), file=sys.stderr)
sys.exit(int(os.environ.get("JOB_EXIT", "0")))
