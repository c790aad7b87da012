package io.greenroom.layout;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.greenroom.admission.LivePublishers;
import io.greenroom.stream.SlotWentLive;
import io.greenroom.stream.SlotWentOffline;
import io.greenroom.web.EventStreams;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open pages which slots of an app are live, as server-sent events fed by the
 * admission events. Each event carries the whole list, so a page that missed one is right
 * again at the next. Sending happens on its own thread: admission never waits for a
 * browser.
 */
@Service
class LiveStatus implements DisposableBean {

	/** How long one event stream stays open before the browser is asked to reconnect. */
	private static final Duration STREAM_LIFETIME = Duration.ofMinutes(10);

	private final LivePublishers live;

	private final Map<String, List<SseEmitter>> listeners = new ConcurrentHashMap<>();

	private final ExecutorService sender = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "live-status");
		thread.setDaemon(true);
		return thread;
	});

	LiveStatus(LivePublishers live) {
		this.live = live;
	}

	SseEmitter subscribe(String app) {
		SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
		List<SseEmitter> forApp = this.listeners.computeIfAbsent(app, (key) -> new CopyOnWriteArrayList<>());
		forApp.add(emitter);
		emitter.onCompletion(() -> forApp.remove(emitter));
		emitter.onTimeout(() -> {
			// The browser's EventSource reconnects by itself and gets the current list at
			// once.
			forApp.remove(emitter);
			emitter.complete();
		});
		emitter.onError((ex) -> forApp.remove(emitter));
		this.sender.execute(() -> send(emitter, app));
		return emitter;
	}

	@EventListener
	void onLive(SlotWentLive event) {
		changed(event.app());
	}

	@EventListener
	void onOffline(SlotWentOffline event) {
		changed(event.app());
	}

	/** Tells the app's open pages that a layout changed, once it is committed. */
	@TransactionalEventListener(fallbackExecution = true)
	void onLayoutChanged(LayoutChanged event) {
		List<SseEmitter> watching = this.listeners.get(event.app());
		if (watching == null || watching.isEmpty()) {
			return;
		}
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		data.put("layout", event.name());
		data.put("newName", event.newName());
		this.sender.execute(() -> {
			for (SseEmitter emitter : this.listeners.getOrDefault(event.app(), List.of())) {
				try {
					emitter.send(SseEmitter.event().name("layout").data(data, MediaType.APPLICATION_JSON));
				}
				catch (IOException | IllegalStateException ex) {
					EventStreams.endAfterFailedSend(emitter);
				}
			}
		});
	}

	/**
	 * Wakes the sender only when a page is watching the app: admission pays nothing else.
	 */
	private void changed(String app) {
		List<SseEmitter> watching = this.listeners.get(app);
		if (watching != null && !watching.isEmpty()) {
			this.sender.execute(() -> broadcast(app));
		}
	}

	private void broadcast(String app) {
		for (SseEmitter emitter : this.listeners.getOrDefault(app, List.of())) {
			send(emitter, app);
		}
	}

	private void send(SseEmitter emitter, String app) {
		try {
			emitter.send(SseEmitter.event()
				.name("live")
				.data(Map.of("live", this.live.liveSlots(app)), MediaType.APPLICATION_JSON));
		}
		catch (IOException | IllegalStateException ex) {
			EventStreams.endAfterFailedSend(emitter);
		}
	}

	/** How many pages follow {@code app} now. */
	int openStreams(String app) {
		return this.listeners.getOrDefault(app, List.of()).size();
	}

	/**
	 * Ends every open stream as soon as shutdown begins: the web server's graceful
	 * shutdown would otherwise wait its full timeout for these never-ending requests.
	 * Browsers reconnect by themselves once Greenroom is back.
	 */
	@EventListener(ContextClosedEvent.class)
	void closeStreams() {
		this.listeners.values().forEach((emitters) -> emitters.forEach(SseEmitter::complete));
	}

	@Override
	public void destroy() {
		this.sender.shutdownNow();
		this.listeners.values().forEach((emitters) -> emitters.forEach(SseEmitter::complete));
	}

}
