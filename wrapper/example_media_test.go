package openrouter_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"strings"
	"time"

	openrouter "github.com/gopenrouter/openrouter/wrapper"
)

func ExampleImagesService_Generate() {
	client, _, stop := fake()
	defer stop()

	resp, err := client.Images.Generate(context.Background(), openrouter.ImageRequest{
		Model:  "google/gemini-2.5-flash-image",
		Prompt: "a lighthouse in a storm, watercolour",
	})
	if err != nil {
		panic(err)
	}
	png, err := base64.StdEncoding.DecodeString(resp.Data[0].B64Json)
	if err != nil {
		panic(err)
	}
	fmt.Println(resp.Data[0].MediaType, len(png) > 0, string(png[1:4]))
	// Output:
	// image/png true PNG
}

func ExampleImagesService_Stream() {
	client, _, stop := fake()
	defer stop()

	stream, err := client.Images.Stream(context.Background(), openrouter.ImageRequest{
		Model:  "google/gemini-2.5-flash-image",
		Prompt: "a lighthouse",
	})
	if err != nil {
		panic(err)
	}
	for ev, err := range stream.All() {
		if err != nil {
			panic(err)
		}
		switch ev.Type() {
		case openrouter.ImageEventPartialImage:
			p, _ := ev.AsImageGenPartialImageEvent()
			fmt.Println("partial image", p.PartialImageIndex)
		case openrouter.ImageEventCompleted:
			c, _ := ev.AsImageGenCompletedEvent()
			fmt.Println("final image,", c.MediaType)
		}
	}
	// Output:
	// partial image 0
	// final image, image/png
}

func ExampleVideosService_Wait() {
	client, _, stop := fake()
	defer stop()
	ctx := context.Background()

	job, err := client.Videos.Create(ctx, openrouter.VideoRequest{Model: "google/veo-3.1"})
	if err != nil {
		panic(err)
	}
	fmt.Println("created:", job.Status)

	// Poll until the job ends; the defaults (2s growing to 30s) suit real
	// jobs, which take minutes.
	job, err = client.Videos.Wait(ctx, job.ID, &openrouter.VideoWaitOptions{Interval: 10 * time.Millisecond})
	if err != nil {
		panic(err) // a *VideoJobError when the job failed
	}
	fmt.Println("finished:", job.Status)

	video, err := client.Videos.Content(ctx, job.ID, nil)
	if err != nil {
		panic(err)
	}
	defer video.Close()
	n, _ := io.Copy(io.Discard, video) // or into a file
	fmt.Println(video.ContentType, n > 0)
	// Output:
	// created: pending
	// finished: completed
	// video/mp4 true
}

func ExampleSTTService_TranscribeFile() {
	client, _, stop := fake()
	defer stop()

	// Any io.Reader works, typically an *os.File; it is streamed, not
	// loaded into memory.
	audio := strings.NewReader("RIFF....WAVEfmt ")
	resp, err := client.STT.TranscribeFile(context.Background(), openrouter.TranscriptionUpload{
		Filename: "memo.wav", ContentType: "audio/wav", Body: audio,
		Model: "openai/whisper-1", Language: "en",
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(resp.Text)
	// Output:
	// Fake transcript of memo.wav (audio/wav, 16 bytes).
}

func ExampleTTSService_Speak() {
	client, _, stop := fake()
	defer stop()

	mp3 := openrouter.SpeechFormat("mp3")
	audio, err := client.TTS.Speak(context.Background(), openrouter.SpeechRequest{
		Model:          "openai/gpt-4o-mini-tts",
		Input:          "Hello from the Go SDK.",
		ResponseFormat: mp3,
	})
	if err != nil {
		panic(err)
	}
	defer audio.Close()
	b, _ := io.ReadAll(audio) // or io.Copy to a file or a player
	fmt.Println(audio.ContentType, string(b[:3]))
	// Output:
	// audio/mpeg ID3
}
