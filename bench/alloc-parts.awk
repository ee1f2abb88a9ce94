# The hub's allocation by part, from an async-profiler allocation profile of a bench run (collapsed stacks, bytes):
#   HUB_JAVA_OPTS="-agentpath:/path/to/libasyncProfiler.so=start,event=alloc,total,collapsed,file=/tmp/alloc.txt" \
#     BROKERS=standalone LEDGER=postgres WARMUP=20000 PORT_BASE=29800 bench/run.sh 3000
#   awk -v ORDERS=23000 -f bench/alloc-parts.awk /tmp/alloc.txt | sort -rn
# ORDERS: every order the hub handled while profiled (the warm-up's and the run's). A stack counts for the first part
# named from its allocating frame up; the start, Tomcat (the bench's health checks) and Quartz are left out.
function part(frame) {
  if (frame ~ /MicrometerRoutePolicy/) return "Camel's route metrics (camel-micrometer's route policy)"
  if (frame ~ /io\/carrierhub\/ops\/(AuditMasking|CarrierCall)/) return "the carrier calls' audit (masking, insert)"
  if (frame ~ /io\/carrierhub\/ops\/HubMdc|ch\/qos\/logback|org\/slf4j/) return "the logging context (MDC)"
  if (frame ~ /org\/glassfish\/jaxb|com\/sun\/org\/apache\/xerces|com\/ctc\/wstx|javax\/xml|jakarta\/xml|io\/carrierhub\/xml/) return "XML: JAXB, the parser, the schemas' checks"
  if (frame ~ /com\/fasterxml\/jackson/) return "JSON (Jackson)"
  if (frame ~ /org\/postgresql|com\/zaxxer\/hikari|org\/springframework\/jdbc|io\/carrierhub\/ledger|SharedIdempotentRepository/) return "the ledger: PostgreSQL's driver, JDBC, the ledger's classes"
  if (frame ~ /org\/apache\/activemq\/artemis|io\/netty/) return "the broker's client (Artemis, Netty)"
  if (frame ~ /org\/apache\/camel\/component\/jms|org\/springframework\/jms/) return "camel-jms and Spring JMS (messages, headers)"
  if (frame ~ /org\/apache\/hc|org\/apache\/camel\/component\/http/) return "the HTTP client (camel-http, HttpClient 5)"
  if (frame ~ /org\/apache\/camel\/component\/bean|org\/apache\/camel\/language\/bean/) return "Camel's bean calls (and the copy of the exchange an expression's is made on)"
  if (frame ~ /org\/apache\/camel/) return "Camel's core (exchanges, unit of work, simple)"
  if (frame ~ /io\/carrierhub/) return "the hub's other classes"
  return ""
}
{
  bytes = $NF; stack = $0; sub(/ [0-9]+$/, "", stack)
  if (stack ~ /HubApplication\.main|OnClassCondition|BackgroundPreinitializer|org\/apache\/tomcat|org\/apache\/catalina|quartz/) next
  frames = split(stack, frame, ";")
  name = "the JDK alone"
  for (i = frames - 1; i >= 1; i--) { p = part(frame[i]); if (p != "") { name = p; break } }
  # Camel's core working for a bean expression (the copy of the exchange it calls the bean on) counts as the bean call
  if (name ~ /^Camel's core/) for (j = i - 1; j >= 1 && frame[j] !~ /io\/carrierhub/; j--)
    if (frame[j] ~ /language\/bean\/BeanExpression/) { name = part(frame[j]); break }
  parts[name] += bytes; total += bytes
}
END {
  printf "%6.1f%%  %6.1f KB an order  all parts\n", 100, total / ORDERS / 1000
  for (p in parts) printf "%6.1f%%  %6.1f KB an order  %s\n", 100 * parts[p] / total, parts[p] / ORDERS / 1000, p
}
