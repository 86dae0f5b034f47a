package main

import (
	"bytes"
	"os"
	"testing"
)

// TestGeneratedFileIsCurrent fails when wrapper/openroutertest's
// operations.gen.go is not what openapi.yaml produces: run go generate
// ./wrapper/openroutertest (or make generate) and commit the result.
func TestGeneratedFileIsCurrent(t *testing.T) {
	spec, err := os.ReadFile("../../../openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := generate(spec)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../../wrapper/openroutertest/operations.gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("wrapper/openroutertest/operations.gen.go is stale: run 'go generate ./wrapper/openroutertest' and commit it")
	}
}
