# Glose: `make demo` builds everything and shows the sample page's report; `make test` runs every test.
.PHONY: demo test setup wasm extension

# Install what is missing (browsers, wasm tools, npm packages); idempotent.
setup:
	bash scripts/setup.sh

# The release wasm core into target/pkg/ (glose.js + glose_bg.wasm), and the exports' module (glose_export*).
wasm: setup
	bash scripts/build-wasm.sh

# The extension for both browsers: dist/chrome/, dist/firefox/, dist/glose-chrome.zip, dist/glose-firefox.xpi.
extension: wasm
	SKIP_WASM=1 bash scripts/build-extension.sh

# Everything, then the sample page's report as text, where the extension packages are, and the
# playground served on http://127.0.0.1:8417/ (GLOSE_PORT=N to change, GLOSE_NO_SERVE=1 to skip).
demo: extension
	bash scripts/demo.sh

# THE test command (also what CI runs).
test:
	bash scripts/test.sh
