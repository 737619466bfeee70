#!/bin/sh
# A stand-in for werkbank-probe in the network plugin's tests: it sends no packets, it
# answers a job with the events of docs/probe-protocol.md as $FAKE_PROBE_MODE says.
# UDP and closed ports only, so the plugin never connects anywhere.
job=$(cat)
case "$job" in
  *'"version":1'*'"scope":{'*'"ports":"top1000"'*) ;;
  *) echo '{"event":"error","code":"bad-job","message":"not a version 1 job"}'; exit 2 ;;
esac
start='{"event":"start","version":1,"interface":"veth-s","source":"198.18.0.2","targets":14,"ports":1000,"udp":["snmp"],"rate":100000,"retries":2}'
snmp='{"event":"udp","address":"198.18.0.5","port":161,"service":"snmp","state":"open","detail":{"version":"v1","community":"public","sysdescr":"Lab switch"}}'
case "$FAKE_PROBE_MODE" in
  udp)
    echo "$start"
    echo '{"event":"host","address":"198.18.0.5","state":"up","method":"arp","mac":"02:00:00:00:00:05","rtt_ms":0.2}'
    echo '{"event":"host","address":"198.18.0.6","state":"up","method":"icmp","rtt_ms":0.3}'
    echo '{"event":"port","address":"198.18.0.6","protocol":"tcp","port":23,"state":"closed","ttl":64}'
    echo '{"event":"progress","fraction":0.5,"sent":1000}'
    echo "$snmp"
    echo '{"event":"done","hosts_up":2,"open":0,"closed":1,"packets_sent":2000,"packets_received":3,"seconds":0.1,"stopped":false}'
    ;;
  nocap)
    echo '{"event":"error","code":"no-capability","message":"no CAP_NET_RAW"}'
    exit 3 ;;
  partial)
    echo "$start"
    echo '{"event":"host","address":"198.18.0.5","state":"up","method":"arp"}'
    echo "$snmp"
    echo '{"event":"error","code":"capture","message":"pcap_next_ex failed"}'
    echo '{"event":"done","hosts_up":1,"open":0,"closed":0,"packets_sent":10,"packets_received":1,"seconds":0.1,"stopped":false}'
    exit 1 ;;
  garbage)
    echo "$start"
    printf 'not json at all\n\377\376\001\002\n{"event":\n[1,2,3]\n{"event":"host"}\n'
    head -c 200000 /dev/zero | tr '\0' 'x'; echo
    echo '{"event":"port","address":"198.18.0.5","protocol":"tcp","port":99999,"state":"open"}'
    echo '{"event":"host","address":"192.0.2.1","state":"up","method":"icmp"}'
    echo '{"event":"udp","address":"192.0.2.1","port":161,"service":"snmp","state":"open","detail":{"community":"public"}}'
    echo "$snmp"
    echo '{"event":"done","hosts_up":1,"open":0,"closed":0,"packets_sent":1,"packets_received":1,"seconds":0.1,"stopped":false}'
    ;;
  hang)
    trap 'echo "{\"event\":\"done\",\"stopped\":true}"; exit 7' TERM
    echo "$start"
    echo '{"event":"progress","fraction":0.1,"sent":10}'
    i=0
    while [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
    exit 0 ;;
  *)
    echo '{"event":"error","code":"bad-job","message":"unknown FAKE_PROBE_MODE"}'
    exit 2 ;;
esac
exit 0
