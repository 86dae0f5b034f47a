package bench

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// maxGrowth bounds what the SDK may add to a program's binary.
const maxGrowth = 2 << 20

// mcpSDK is the module path of the official Go MCP SDK, which only
// mcpopenrouter (a module of its own) may bring in.
const mcpSDK = "github.com/modelcontextprotocol/go-sdk"

// TestBinarySize builds a one-call SDK program and its standard-library
// counterpart (internal/sizeprobe) and checks the SDK's weight: at most
// 2 MiB more, and no kin-openapi (the fake server's validator),
// OpenTelemetry (otelopenrouter's, a module of its own) nor the MCP SDK
// (mcpopenrouter's, a module of its own) linked in.
// Both builds are cached by the go command after the first run.
func TestBinarySize(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two binaries")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	t.Parallel()
	dir := t.TempDir()
	build := func(name string) (string, int64) {
		out := filepath.Join(dir, name)
		cmd := exec.Command(goTool, "build", "-o", out, "./internal/sizeprobe/"+name)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", name, err, msg)
		}
		fi, err := os.Stat(out)
		if err != nil {
			t.Fatal(err)
		}
		return out, fi.Size()
	}
	std, stdSize := build("std")
	sdk, sdkSize := build("sdk")
	_ = std
	growth := sdkSize - stdSize
	t.Logf("std-only %d bytes, SDK %d bytes: growth %d bytes (%.2f MiB, limit 2 MiB)", stdSize, sdkSize, growth, float64(growth)/(1<<20))
	if growth > maxGrowth {
		t.Errorf("the SDK adds %.2f MiB to a one-call program, more than 2 MiB", float64(growth)/(1<<20))
	}

	// The SDK's module does not even require OpenTelemetry or the MCP
	// SDK: its users download none of them.
	if gomod, err := os.ReadFile("../go.mod"); err != nil {
		t.Fatal(err)
	} else {
		if strings.Contains(string(gomod), "go.opentelemetry.io") {
			t.Error("the SDK's go.mod requires OpenTelemetry: it belongs in otelopenrouter/go.mod")
		}
		if strings.Contains(string(gomod), mcpSDK) {
			t.Error("the SDK's go.mod requires the MCP SDK: it belongs in mcpopenrouter/go.mod")
		}
	}

	mods, err := exec.Command(goTool, "version", "-m", sdk).CombinedOutput()
	if err != nil {
		t.Fatalf("go version -m: %v\n%s", err, mods)
	}
	if strings.Contains(string(mods), "kin-openapi") {
		t.Errorf("kin-openapi is a dependency of the SDK program:\n%s", mods)
	}
	if strings.Contains(string(mods), "go.opentelemetry.io") || strings.Contains(string(mods), "otelopenrouter") {
		t.Errorf("OpenTelemetry is a dependency of the SDK program:\n%s", mods)
	}
	if strings.Contains(string(mods), mcpSDK) || strings.Contains(string(mods), "mcpopenrouter") {
		t.Errorf("the MCP SDK is a dependency of the SDK program:\n%s", mods)
	}
	syms, err := exec.Command(goTool, "tool", "nm", sdk).CombinedOutput()
	if err != nil {
		t.Fatalf("go tool nm: %v\n%s", err, syms)
	}
	for _, line := range strings.Split(string(syms), "\n") {
		if strings.Contains(line, "kin-openapi") || strings.Contains(line, "openroutertest") ||
			strings.Contains(line, "go.opentelemetry.io") || strings.Contains(line, "otelopenrouter") ||
			strings.Contains(line, mcpSDK) || strings.Contains(line, "mcpopenrouter") {
			t.Fatalf("the SDK program links test-only code: %s", line)
		}
	}
	if !strings.Contains(string(syms), "gopenrouter/openrouter/wrapper.(*ChatService).Send") {
		t.Fatal("the SDK program does not contain Chat.Send: the check is not measuring the SDK")
	}
}
