package bench

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
)

// serverEnv, when set in a process's environment, makes MaybeServe run the
// loopback server instead of returning.
const serverEnv = "OPENROUTER_BENCH_SERVER"

// Handler answers POST {prefix}/chat/completions. A request with
// "stream":true gets a stream whose chunk count is the first path element,
// as in /n10000/chat/completions; other requests get ChatResponseBody.
// With perEvent, the stream is flushed after every event (the slow, real
// pacing); otherwise it is written in 32 KiB pieces so the client's
// decoding, not the server, bounds the benchmark.
func Handler(perEvent bool) http.Handler {
	var mu sync.Mutex
	streams := map[int][]byte{}
	body := func(n int) []byte {
		mu.Lock()
		defer mu.Unlock()
		b, ok := streams[n]
		if !ok {
			b = StreamBody(n)
			streams[n] = b
		}
		return b
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/chat/completions") {
			http.Error(w, `{"error":{"code":404,"message":"not found"}}`, http.StatusNotFound)
			return
		}
		req, _ := io.ReadAll(r.Body)
		if !bytes.Contains(req, []byte(`"stream":true`)) {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Content-Length", strconv.Itoa(len(ChatResponseBody)))
			_, _ = w.Write(ChatResponseBody)
			return
		}
		n := 100
		if first, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/"); strings.HasPrefix(first, "n") {
			if v, err := strconv.Atoi(first[1:]); err == nil && v >= 2 {
				n = v
			}
		}
		b := body(n)
		w.Header().Set("Content-Type", "text/event-stream")
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("X-Generation-Id", genID)
		f := w.(http.Flusher)
		if perEvent {
			for len(b) > 0 {
				i := bytes.Index(b, []byte("\n\n")) + 2
				if _, err := w.Write(b[:i]); err != nil {
					return
				}
				f.Flush()
				b = b[i:]
			}
			return
		}
		for len(b) > 0 {
			k := min(len(b), 32<<10)
			if _, err := w.Write(b[:k]); err != nil {
				return
			}
			f.Flush()
			b = b[k:]
		}
	})
}

// MaybeServe runs the loopback server and exits when this process was
// started by StartServer; otherwise it returns at once. Call it first in
// main or TestMain.
func MaybeServe() {
	if os.Getenv(serverEnv) == "" {
		return
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(ln.Addr().String())
	go func() {
		// The parent holds our stdin; its end (or death) ends us.
		_, _ = io.Copy(io.Discard, os.Stdin)
		os.Exit(0)
	}()
	err = http.Serve(ln, Handler(false))
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

// Server is a loopback server running in a child process, so that the
// allocations a benchmark counts are the client's alone.
type Server struct {
	// URL is the server's base URL, without a trailing slash.
	URL   string
	cmd   *exec.Cmd
	stdin io.Closer
}

// StartServer starts this executable again as the server (see MaybeServe).
func StartServer() (*Server, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), serverEnv+"=1")
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		_ = stdin.Close()
		_ = cmd.Wait()
		return nil, errors.New("bench: server did not start")
	}
	return &Server{URL: "http://" + strings.TrimSpace(line), cmd: cmd, stdin: stdin}, nil
}

// Close stops the server process.
func (s *Server) Close() error {
	_ = s.stdin.Close()
	return s.cmd.Wait()
}
