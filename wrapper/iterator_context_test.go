package openrouter_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// Every ...All iterator of every service reports a nil context as an
// error, and sends nothing.
func TestIteratorsRejectNilContext(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, jsonHandler(200, `{}`))
	c := ts.client(t)
	cv := reflect.ValueOf(c).Elem()
	ctxType := reflect.TypeFor[context.Context]()
	checked := 0
	var services []reflect.Value
	for i := range cv.NumField() {
		f := cv.Field(i)
		if !cv.Type().Field(i).IsExported() || f.Kind() != reflect.Pointer {
			continue
		}
		services = append(services, f)
		if beta := f.Elem(); beta.Kind() == reflect.Struct {
			for j := range beta.NumField() {
				if beta.Field(j).Kind() == reflect.Pointer && beta.Type().Field(j).IsExported() {
					services = append(services, beta.Field(j))
				}
			}
		}
	}
	for _, svc := range services {
		for m := range svc.NumMethod() {
			name := svc.Type().Method(m).Name
			mt := svc.Method(m).Type()
			if !strings.HasSuffix(name, "All") || mt.NumIn() == 0 || mt.In(0) != ctxType || mt.NumOut() != 1 {
				continue
			}
			args := []reflect.Value{reflect.Zero(ctxType)}
			for a := 1; a < mt.NumIn(); a++ {
				if mt.IsVariadic() && a == mt.NumIn()-1 {
					break
				}
				v := reflect.New(mt.In(a)).Elem()
				if v.Kind() == reflect.String {
					v.SetString("550e8400-e29b-41d4-a716-446655440000") // valid as a UUID and as a slug
				}
				args = append(args, v)
			}
			label := svc.Type().Elem().Name() + "." + name
			t.Run(label, func(t *testing.T) {
				seq := svc.Method(m).Call(args)[0]
				n, errs := 0, 0
				yield := reflect.MakeFunc(seq.Type().In(0), func(in []reflect.Value) []reflect.Value {
					n++
					if err, _ := in[1].Interface().(error); err != nil {
						errs++
						if !strings.Contains(err.Error(), "nil context") {
							t.Errorf("error %v, want one about the nil context", err)
						}
					}
					return []reflect.Value{reflect.ValueOf(true)}
				})
				seq.Call([]reflect.Value{yield})
				if n != 1 || errs != 1 {
					t.Errorf("%d values, %d errors; want one error", n, errs)
				}
			})
			checked++
		}
	}
	if checked < 20 {
		t.Errorf("checked %d iterators; the reflection walk missed some", checked)
	}
	if n := len(ts.requests()); n != 0 {
		t.Errorf("%d requests sent with a nil context", n)
	}
}
