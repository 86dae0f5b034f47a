// Command benchtable runs the SDK-versus-baseline benchmarks of package
// bench in interleaved rounds and prints a table of medians with the
// ours/baseline ratios. The machines it runs on are noisy, so the ratios,
// taken round by round between runs made back to back, are the figures to
// read; absolute times are indicative only.
//
//	go run ./bench/cmd/benchtable [-rounds 9] [-benchtime 200ms] [-run Stream]
package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"slices"
	"testing"

	"github.com/gopenrouter/openrouter/bench"
)

type sample struct {
	ns, bytes, allocs float64
}

func measure(f func(*testing.B)) sample {
	r := testing.Benchmark(f)
	if r.N == 0 {
		fmt.Fprintln(os.Stderr, "benchtable: a benchmark failed")
		os.Exit(1)
	}
	n := float64(r.N)
	return sample{ns: float64(r.T.Nanoseconds()) / n, bytes: float64(r.MemBytes) / n, allocs: float64(r.MemAllocs) / n}
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func main() {
	bench.MaybeServe()
	testing.Init()
	rounds := flag.Int("rounds", 9, "interleaved rounds; each runs every benchmark on both sides")
	benchtime := flag.String("benchtime", "200ms", "time per benchmark run (as go test -benchtime)")
	run := flag.String("run", "", "only the benchmarks whose name matches this regexp")
	flag.Parse()
	if err := flag.Set("test.benchtime", *benchtime); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(2)
	}
	re, err := regexp.Compile(*run)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(2)
	}

	srv, err := bench.StartServer()
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
	defer srv.Close()
	all, err := bench.Cases(srv.URL)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
	var cases []bench.Case
	for _, c := range all {
		if re.MatchString(c.Name) {
			cases = append(cases, c)
		}
	}

	base := make([][]sample, len(cases))
	ours := make([][]sample, len(cases))
	for r := 0; r < *rounds; r++ {
		fmt.Fprintf(os.Stderr, "round %d/%d\n", r+1, *rounds)
		for i, c := range cases {
			// Alternate which side goes first so drift favours neither.
			if r%2 == 0 {
				base[i] = append(base[i], measure(c.Baseline))
				ours[i] = append(ours[i], measure(c.Ours))
			} else {
				ours[i] = append(ours[i], measure(c.Ours))
				base[i] = append(base[i], measure(c.Baseline))
			}
		}
	}

	fmt.Printf("%d interleaved rounds, -benchtime %s, medians; ratio = median over rounds of ours/baseline\n\n", *rounds, *benchtime)
	fmt.Printf("%-16s %-8s %13s %11s %11s %10s %12s\n", "benchmark", "side", "ns/op", "B/op", "allocs/op", "ns/chunk", "allocs/chunk")
	for i, c := range cases {
		for _, side := range []struct {
			name string
			s    []sample
		}{{"baseline", base[i]}, {"sdk", ours[i]}} {
			ns, b, a := med(side.s, func(s sample) float64 { return s.ns }), med(side.s, func(s sample) float64 { return s.bytes }), med(side.s, func(s sample) float64 { return s.allocs })
			perNs, perAllocs := "-", "-"
			if c.Chunks > 0 {
				perNs = fmt.Sprintf("%.0f", ns/float64(c.Chunks))
				perAllocs = fmt.Sprintf("%.2f", a/float64(c.Chunks))
			}
			fmt.Printf("%-16s %-8s %13.0f %11.0f %11.1f %10s %12s\n", c.Name, side.name, ns, b, a, perNs, perAllocs)
		}
		ratio := func(f func(sample) float64) float64 {
			rs := make([]float64, len(base[i]))
			for r := range rs {
				rs[r] = f(ours[i][r]) / f(base[i][r])
			}
			return median(rs)
		}
		fmt.Printf("%-16s %-8s %12.2fx %10.2fx %10.2fx %10s %12s\n\n", c.Name, "ratio",
			ratio(func(s sample) float64 { return s.ns }), ratio(func(s sample) float64 { return s.bytes }), ratio(func(s sample) float64 { return s.allocs }), "", "")
	}
}

func med(s []sample, f func(sample) float64) float64 {
	xs := make([]float64, len(s))
	for i := range s {
		xs[i] = f(s[i])
	}
	return median(xs)
}
