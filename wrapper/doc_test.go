package openrouter_test

import (
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	root "github.com/gopenrouter/openrouter"
)

// The doc-lint tests read the source of this package and of
// openroutertest (test files excluded) and hold them to the house rules
// for documentation.
var docLintDirs = []string{".", "openroutertest"}

type docPackage struct {
	dir   string
	fset  *token.FileSet
	files []*ast.File
}

func parseDocPackages(t *testing.T) []docPackage {
	t.Helper()
	var out []docPackage
	for _, dir := range docLintDirs {
		fset := token.NewFileSet()
		paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		p := docPackage{dir: dir, fset: fset}
		for _, path := range paths {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			p.files = append(p.files, f)
		}
		if len(p.files) == 0 {
			t.Fatalf("no Go files in %s", dir)
		}
		out = append(out, p)
	}
	return out
}

// recvName is the type name of a method's receiver: T for T, *T, T[P] and *T[P].
func recvName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return ""
	}
	x := fd.Recv.List[0].Type
	if s, ok := x.(*ast.StarExpr); ok {
		x = s.X
	}
	switch v := x.(type) {
	case *ast.IndexExpr:
		x = v.X
	case *ast.IndexListExpr:
		x = v.X
	}
	if id, ok := x.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// startsWithName reports whether a doc comment begins with name as a word
// ("Foo does", "Foo's", "Foo." but not "Foobar").
func startsWithName(text, name string) bool {
	text = strings.TrimSpace(text)
	if !strings.HasPrefix(text, name) {
		return false
	}
	rest := text[len(name):]
	if rest == "" {
		return true
	}
	c := rest[0]
	return !(c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
}

// TestExportedIdentifiersHaveDocComments: every exported identifier has a
// doc comment that starts with its name. Constants and variables declared
// in a parenthesised group may share the group's doc comment instead.
func TestExportedIdentifiersHaveDocComments(t *testing.T) {
	for _, p := range parseDocPackages(t) {
		var problems []string
		report := func(pos token.Pos, format string, args ...any) {
			problems = append(problems, p.fset.Position(pos).String()+": "+fmt.Sprintf(format, args...))
		}
		for _, f := range p.files {
			for _, decl := range f.Decls {
				switch d := decl.(type) {
				case *ast.FuncDecl:
					name := d.Name.Name
					if !ast.IsExported(name) {
						continue
					}
					what := "func " + name
					if r := recvName(d); r != "" {
						if !ast.IsExported(r) {
							continue // not in the documentation
						}
						what = "method " + r + "." + name
					}
					if d.Doc == nil {
						report(d.Pos(), "%s has no doc comment", what)
					} else if !startsWithName(d.Doc.Text(), name) {
						report(d.Pos(), "the doc comment of %s does not start with %q", what, name)
					}
				case *ast.GenDecl:
					for _, spec := range d.Specs {
						var names []*ast.Ident
						var specDoc *ast.CommentGroup
						switch s := spec.(type) {
						case *ast.TypeSpec:
							names, specDoc = []*ast.Ident{s.Name}, s.Doc
						case *ast.ValueSpec:
							names, specDoc = s.Names, s.Doc
						default:
							continue
						}
						grouped := d.Lparen.IsValid()
						docText := ""
						switch {
						case specDoc != nil:
							docText = specDoc.Text()
						case !grouped && d.Doc != nil:
							docText = d.Doc.Text()
						}
						for _, id := range names {
							if !ast.IsExported(id.Name) {
								continue
							}
							kind := d.Tok.String() + " " + id.Name
							switch {
							case docText != "" && startsWithName(docText, id.Name):
							case docText != "" && d.Tok != token.TYPE && len(names) > 1:
								// "A, B and C are ...": one comment for several names.
							case docText == "" && grouped && d.Tok != token.TYPE && d.Doc != nil:
								// A documented group of constants or variables.
							case docText == "":
								report(id.Pos(), "%s has no doc comment", kind)
							default:
								report(id.Pos(), "the doc comment of %s does not start with %q", kind, id.Name)
							}
						}
					}
				}
			}
		}
		for _, s := range problems {
			t.Error(s)
		}
	}
}

// callsRE finds the endpoints a doc comment names: "It calls GET /models."
var callsRE = regexp.MustCompile(`It calls (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (/[^\s,;]*[^\s,;.:)])`)

var pathParamRE = regexp.MustCompile(`\{[^}/]*\}`)

func normOpPath(p string) string {
	if i := strings.IndexByte(p, '?'); i >= 0 {
		p = p[:i]
	}
	p = strings.TrimRight(p, ".:)")
	return pathParamRE.ReplaceAllString(p, "{}")
}

// TestServiceMethodsNameTheirEndpoint: every exported method of a
// ...Service type says "It calls METHOD /path", and each endpoint so named
// is an operation of openapi.yaml.
func TestServiceMethodsNameTheirEndpoint(t *testing.T) {
	spec, err := openapi3.NewLoader().LoadFromData(root.OpenAPISpec)
	if err != nil {
		t.Fatal(err)
	}
	ops := map[string]bool{}
	for path, item := range spec.Paths.Map() {
		for method := range item.Operations() {
			ops[method+" "+normOpPath(path)] = true
		}
	}
	checked := 0
	for _, p := range parseDocPackages(t) {
		for _, f := range p.files {
			for _, decl := range f.Decls {
				fd, ok := decl.(*ast.FuncDecl)
				if !ok || !fd.Name.IsExported() {
					continue
				}
				r := recvName(fd)
				if !strings.HasSuffix(r, "Service") || !ast.IsExported(r) {
					continue
				}
				checked++
				pos := p.fset.Position(fd.Pos())
				text := ""
				if fd.Doc != nil {
					text = strings.Join(strings.Fields(fd.Doc.Text()), " ")
				}
				calls := callsRE.FindAllStringSubmatch(text, -1)
				if len(calls) == 0 {
					t.Errorf("%s: the doc comment of %s.%s does not say which endpoint it calls (\"It calls GET /path.\")", pos, r, fd.Name.Name)
					continue
				}
				for _, c := range calls {
					if key := c[1] + " " + normOpPath(c[2]); !ops[key] {
						t.Errorf("%s: %s.%s says it calls %s %s, which is not an operation of openapi.yaml", pos, r, fd.Name.Name, c[1], c[2])
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no service methods found")
	}
}

// docLinkRE matches doc links such as [Client], [*APIError] and
// [Stream.All]; links into other packages ([iter.Seq2], [net/http]) start
// with a lower-case letter or contain a slash and are left alone.
// Brackets around a word that is not an identifier render as plain text,
// which is what this test catches.
var docLinkRE = regexp.MustCompile(`\[\*?([A-Z][A-Za-z0-9_]*)(?:\.([A-Z][A-Za-z0-9_]*))?\]`)

// TestPackageDocLinksResolve: the links of the package overviews (doc.go)
// name identifiers that exist, so none renders as plain brackets.
func TestPackageDocLinksResolve(t *testing.T) {
	for _, p := range parseDocPackages(t) {
		pkg, err := doc.NewFromFiles(p.fset, p.files, "example.com/"+p.dir, doc.PreserveAST)
		if err != nil {
			t.Fatal(err)
		}
		known := map[string]bool{}
		addValues := func(vs []*doc.Value) {
			for _, v := range vs {
				for _, n := range v.Names {
					known[n] = true
				}
			}
		}
		addValues(pkg.Consts)
		addValues(pkg.Vars)
		for _, fn := range pkg.Funcs {
			known[fn.Name] = true
		}
		for _, ty := range pkg.Types {
			known[ty.Name] = true
			addValues(ty.Consts)
			addValues(ty.Vars)
			for _, fn := range ty.Funcs {
				known[fn.Name] = true
			}
			for _, m := range ty.Methods {
				known[ty.Name+"."+m.Name] = true
			}
		}
		if len(pkg.Doc) < 200 {
			t.Errorf("%s: the package overview is missing or short", p.dir)
		}
		var bad []string
		for _, line := range strings.Split(pkg.Doc, "\n") {
			if strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "  ") {
				continue // code block
			}
			for _, m := range docLinkRE.FindAllStringSubmatch(line, -1) {
				name := m[1]
				if m[2] != "" {
					name += "." + m[2]
				}
				if !known[name] && name != strings.ToUpper(name) {
					// (All capitals, as in "data: [DONE]", is protocol text.)
					bad = append(bad, m[0])
				}
			}
		}
		sort.Strings(bad)
		for _, b := range bad {
			t.Errorf("%s: the package doc links to %s, which does not exist", p.dir, b)
		}
	}
}
