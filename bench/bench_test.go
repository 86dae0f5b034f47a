package bench

import (
	"flag"
	"os"
	"testing"
)

// server is the loopback server of the benchmarks, started on first use.
var server *Server

func TestMain(m *testing.M) {
	MaybeServe()
	code := m.Run()
	if server != nil {
		_ = server.Close()
	}
	os.Exit(code)
}

func cases(b *testing.B) []Case {
	b.Helper()
	if server == nil {
		s, err := StartServer()
		if err != nil {
			b.Fatal(err)
		}
		server = s
	}
	cs, err := Cases(server.URL)
	if err != nil {
		b.Fatal(err)
	}
	return cs
}

func run(b *testing.B, name string) {
	for _, c := range cases(b) {
		if c.Name == name {
			b.Run("baseline", c.Baseline)
			b.Run("sdk", c.Ours)
			return
		}
	}
	b.Fatalf("no case %s", name)
}

func BenchmarkChatSend(b *testing.B)        { run(b, "ChatSend") }
func BenchmarkChatSendCareful(b *testing.B) { run(b, "ChatSendCareful") }
func BenchmarkStream100(b *testing.B)       { run(b, "Stream100") }
func BenchmarkStream10000(b *testing.B)     { run(b, "Stream10000") }
func BenchmarkAccumulate100(b *testing.B)   { run(b, "Accumulate100") }
func BenchmarkAccumulate10000(b *testing.B) { run(b, "Accumulate10000") }

// TestCasesAgree runs every case once on both sides, so that `go test`
// checks that the benchmarks work and decode what they should.
func TestCasesAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server process")
	}
	bt := flag.Lookup("test.benchtime")
	old := bt.Value.String()
	if err := bt.Value.Set("1x"); err != nil {
		t.Fatal(err)
	}
	defer bt.Value.Set(old)
	s, err := StartServer()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cs, err := Cases(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Chunks > 100 {
			continue // the same code as the 100-chunk case, only longer
		}
		if r := testing.Benchmark(c.Baseline); r.N != 1 {
			t.Errorf("%s: baseline failed", c.Name)
		}
		if r := testing.Benchmark(c.Ours); r.N != 1 {
			t.Errorf("%s: sdk failed", c.Name)
		}
	}
}
