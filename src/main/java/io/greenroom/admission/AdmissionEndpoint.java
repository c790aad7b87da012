package io.greenroom.admission;

import java.io.IOException;

import io.greenroom.ome.OmeConfiguration;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /ome/admission}: OME's admission webhook ({@link AdmissionWebhook}) on
 * Tomcat. It sits on OME's critical path, so it is a servlet filter ahead of everything
 * else and answers by itself: no login chain, no MVC dispatch, no per-request metrics.
 */
class AdmissionEndpoint implements Filter {

	static final String PATH = OmeConfiguration.ADMISSION_PATH;

	private final AdmissionWebhook webhook;

	AdmissionEndpoint(AdmissionWebhook webhook) {
		this.webhook = webhook;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) servletRequest;
		HttpServletResponse response = (HttpServletResponse) servletResponse;
		AdmissionWebhook.Answer answer = this.webhook.answer(request.getMethod(), request.getContentLengthLong(),
				request.getInputStream(), request.getHeader(OmeSignature.HEADER), request::getRemoteAddr);
		if (answer == AdmissionWebhook.NOT_POST) {
			response.setHeader("Allow", "POST");
		}
		response.setStatus(answer.status());
		byte[] body = answer.body();
		if (body != null) {
			// JSON is UTF-8 by definition (RFC 8259): no charset parameter to build and
			// send.
			response.setContentType("application/json");
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}
		if (this.webhook.hasPending()) {
			// OME has its answer before any listener (notifications included) hears of
			// it.
			response.flushBuffer();
			this.webhook.afterAnswer();
		}
	}

}
