# Glose: `make demo` builds everything and shows the sample page's report; `make test` runs every test.
.PHONY: demo test setup wasm extension

# Install what is missing (browsers, wasm tools, npm packages); idempotent.
setup:
	bash scripts/setup.sh

# The release wasm core into target/pkg/ (glose.js + glose_bg.wasm).
wasm: setup
	bash scripts/build-wasm.sh

# The extension for both browsers: dist/chrome/, dist/firefox/, dist/glose-chrome.zip, dist/glose-firefox.xpi.
extension: wasm
	SKIP_WASM=1 bash scripts/build-extension.sh

# Everything, then the sample page's report as text.
demo: extension
	cargo run --quiet --release -- annotate www/samples/clubic-jedi.html --format text

# THE test command (also what CI runs).
test:
	bash scripts/test.sh
