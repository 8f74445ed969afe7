package org.campus.rest.internal.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Just enough of the servlet API, through dynamic proxies, to drive {@link ApiServlet} in a unit test. */
public final class FakeHttp {

    private FakeHttp() {
    }

    /** A request under construction. */
    public static final class Request {
        final String method;
        final String pathInfo;
        final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final Map<String, String> params = new LinkedHashMap<>();
        byte[] body = new byte[0];
        String contentType;
        long declaredLength = -2;
        String remoteAddr = "192.0.2.7";

        public Request(String method, String pathInfo) {
            this.method = method;
            this.pathInfo = pathInfo;
        }

        public Request header(String name, String value) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            return this;
        }

        public Request bearer(String key) {
            return header("Authorization", "Bearer " + key);
        }

        public Request basic(String user, String password) {
            return header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        public Request param(String name, String value) {
            params.put(name, value);
            return this;
        }

        public Request json(String json) {
            return body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        public Request body(String type, byte[] bytes) {
            this.contentType = type;
            this.body = bytes;
            return this;
        }

        public Request declaredLength(long length) {
            this.declaredLength = length;
            return this;
        }

        HttpServletRequest build() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            ServletInputStream sin = new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener l) {
                }
            };
            return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> {
                        switch (m.getName()) {
                            case "getMethod": return method;
                            case "getPathInfo": return pathInfo;
                            case "getHeader": {
                                List<String> v = headers.get((String) args[0]);
                                return v == null ? null : v.get(0);
                            }
                            case "getHeaders": {
                                List<String> v = headers.get((String) args[0]);
                                return Collections.enumeration(v == null ? List.of() : v);
                            }
                            case "getParameter": return params.get((String) args[0]);
                            case "getParameterValues": {
                                String v = params.get((String) args[0]);
                                return v == null ? null : new String[] {v};
                            }
                            case "getContentType": return contentType;
                            case "getContentLengthLong": return declaredLength != -2 ? declaredLength : (long) body.length;
                            case "getContentLength": return body.length;
                            case "getInputStream": return sin;
                            case "getRemoteAddr": return remoteAddr;
                            case "toString": return method + " " + pathInfo;
                            case "hashCode": return System.identityHashCode(proxy);
                            case "equals": return proxy == args[0];
                            default: return null;
                        }
                    });
        }
    }

    /** What the servlet answered. */
    public static final class Response {
        public int status = 200;
        public final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        public String contentType;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public String body() {
            return out.toString(StandardCharsets.UTF_8);
        }

        /** The body's bytes as written (a streamed archive, a token). */
        public byte[] bytes() {
            return out.toByteArray();
        }

        HttpServletResponse build() {
            ServletOutputStream sout = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    out.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener l) {
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                        switch (m.getName()) {
                            case "setStatus": status = (Integer) args[0]; return null;
                            case "setHeader": headers.put((String) args[0], (String) args[1]); return null;
                            case "setContentType": contentType = (String) args[0]; return null;
                            case "getOutputStream": return sout;
                            case "hashCode": return System.identityHashCode(proxy);
                            case "equals": return proxy == args[0];
                            default: return null;
                        }
                    });
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body();
        }
    }

    public static Response call(ApiServlet servlet, Request request) throws Exception {
        Response response = new Response();
        servlet.service(request.build(), response.build());
        return response;
    }
}
