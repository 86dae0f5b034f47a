package openrouter_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"strings"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

// The examples below run offline against the fake OpenRouter of package
// openroutertest; a real client comes from openrouter.NewClient.

func ExampleFilesService_Upload() {
	client, _, stop := fake()
	defer stop()
	ctx := context.Background()

	// The body streams from the reader: any io.Reader, such as an
	// *os.File, works without loading it into memory.
	uploaded, err := client.Files.Upload(ctx, openrouter.FileUpload{Filename: "notes.txt", ContentType: "text/plain", Body: strings.NewReader("Ship on Friday.")})
	if err != nil {
		log.Fatal(err)
	}
	meta, err := uploaded.AsOpenRouterFile()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(meta.Filename, meta.MimeType, meta.SizeBytes)

	content, err := client.Files.Download(ctx, meta.ID, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer content.Close()
	b, err := io.ReadAll(content)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s\n", b)

	if _, err := client.Files.Delete(ctx, meta.ID, nil); err != nil {
		log.Fatal(err)
	}
	// Output:
	// notes.txt text/plain 15
	// Ship on Friday.
}

func ExampleFilesService_ListAll() {
	client, _, stop := fake()
	defer stop()

	// Pages are fetched as the loop goes, one per Limit files.
	for file, err := range client.Files.ListAll(context.Background(), &openrouter.ListFilesParams{Limit: ptr(1)}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(file.ID(), file.Filename())
	}
	// Output:
	// file-fake-sample-1 notes.txt
	// file-fake-sample-2 data.csv
}

func ExampleDatasetsService_GetAppRankingsAll() {
	client, srv, stop := fake()
	defer stop()

	n := 0
	for app, err := range client.Datasets.GetAppRankingsAll(context.Background(), &openrouter.AppRankingsParams{Limit: ptr(2)}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(app.Rank, app.AppName)
		if n++; n == 3 {
			break // no further pages are fetched
		}
	}
	fmt.Println("requests:", len(srv.RequestsFor("getAppRankings")))
	// Output:
	// 1 Cline
	// 2 Roo Code
	// 3 Kilo Code
	// requests: 2
}

func ExampleAnalyticsService_Query() {
	client, _, stop := fake()
	defer stop()

	resp, err := client.Analytics.Query(context.Background(), openrouter.AnalyticsQueryRequest{
		Metrics:    []string{"requests", "cost"},
		Dimensions: []string{"model"},
	})
	if err != nil {
		log.Fatal(err)
	}
	// Each row is keyed by the dimension and metric names.
	for _, row := range resp.Data.Data {
		fmt.Println(row["model"], row["requests"], row["cost"])
	}
	fmt.Println("rows:", resp.Data.Metadata.RowCount)
	// Output:
	// model-1 100 101
	// model-2 200 201
	// rows: 2
}
