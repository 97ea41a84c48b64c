# Run before the README's blocks: `npm start` as they see it, which (re)starts
# the service in the background with the caller's environment.
set -euo pipefail
readme_start() {
  if [ -f .serve.pid ]; then
    local pid; pid=$(cat .serve.pid)
    kill -INT "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  local keys="${API_KEYS_FILE:-}"
  if [ -n "$keys" ]; then keys=$(realpath "$keys"); fi
  API_KEYS_FILE="$keys" node "$README_ROOT/dist/scripts/serve.js" >>serve.log 2>&1 &
  echo $! > .serve.pid
  for _ in $(seq 600); do
    if curl -fs "http://127.0.0.1:$PORT/health" >/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "the service did not start; its output:" >&2; cat serve.log >&2; return 1
}
readme_stop() {
  if [ -f .serve.pid ]; then kill -INT "$(cat .serve.pid)" 2>/dev/null || true; fi
}
trap readme_stop EXIT
npm() { if [ "${1:-}" = start ]; then readme_start; else command npm "$@"; fi; }
readme_start
