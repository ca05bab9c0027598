"""Independent reader for the demo archive (Python's csv module): prints one JSON line of facts."""
import csv, json, re, sys
from collections import Counter

users_path, tweets_path, truth_path = sys.argv[1], sys.argv[2], sys.argv[3]
operation = {m for g in json.load(open(truth_path, encoding='utf-8'))['groups'] for m in g['members']}
B64 = re.compile(r'^[A-Za-z0-9+]{37,43}=$')
TIME = re.compile(r'^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$')
PYLIST = re.compile(r"^\[\]$|^\['.*'\]$|^\[\d+(, \d+)*\]$", re.S)

with open(users_path, encoding='utf-8', newline='') as f:
    users = list(csv.reader(f, strict=True))
with open(tweets_path, encoding='utf-8', newline='') as f:
    rows = list(csv.reader(f, strict=True))
header, data = rows[0], rows[1:]
col = {c: i for i, c in enumerate(header)}
# Quoting: after removing all fully quoted fields, nothing but separators may remain.
text = open(tweets_path, encoding='utf-8').read()
unquoted = len(re.sub(r'"(?:[^"]|"")*"', '', text).replace(',', '').replace('\n', ''))

facts = Counter()
scripts = set()
creation = Counter(u[8] for u in users[1:])
clients_before, clients_after = set(), set()
op = {}
for r in data:
    if len(r) != 31: facts['bad'] += 1; continue
    uid = r[col['userid']]
    if B64.match(uid):
        if not (r[col['user_display_name']] == uid == r[col['user_screen_name']]): facts['hashedViolation'] += 1
    elif uid.isdigit():
        facts['maxDigits'] = max(facts['maxDigits'], len(uid))
    else:
        facts['hashedViolation'] += 1
    t = r[col['tweet_text']]
    if '\n' in t: facts['nl'] += 1
    if re.search('[\u4e00-\u9fff]', t): scripts.add('cjk')
    if re.search('[\u0590-\u05ff]', t): scripts.add('hebrew')
    if re.search('[\u0600-\u06ff]', t):
        scripts.add('persian' if re.search('[پچژگکی]', t) else 'arabic')
    if re.search('[\U0001F300-\U0001FAFF]', t): scripts.add('emoji')
    if r[col['is_retweet']] == 'True':
        if r[col['retweet_userid']] == '': facts['rtEmpty'] += 1
        if not t.startswith('RT @'): facts['rtNoPrefix'] += 1
    if r[col['in_reply_to_tweetid']]: facts['replies'] += 1
    if r[col['quoted_tweet_tweetid']]: facts['quotes'] += 1
    if '' in (r[col['quote_count']], r[col['reply_count']], r[col['like_count']], r[col['retweet_count']]): facts['emptyCounts'] += 1
    facts['isrt:' + r[col['is_retweet']]] += 1
    for g in ('latitude', 'longitude'):
        if r[col[g]] in ('absent', 'present'): facts['geo:' + r[col[g]]] += 1
    for l in ('hashtags', 'urls', 'user_mentions'):
        if not PYLIST.match(r[col[l]]): facts['pylistBad'] += 1
    if not TIME.match(r[col['tweet_time']]): facts['badTime'] += 1
    if uid in operation:
        (clients_before if r[col['tweet_time']] < '2019-06-13' else clients_after).add(r[col['tweet_client_name']])

print(json.dumps({
    'usersColumns': len(users[0]), 'tweetsColumns': len(header), 'tweetRows': len(data),
    'badFieldCounts': facts['bad'], 'unquotedFields': unquoted,
    'newlineTextShare': facts['nl'] / max(1, len(data)),
    'newlineDescriptions': sum(1 for u in users[1:] if '\n' in u[4]),
    'hashedAccounts': sum(1 for u in users[1:] if B64.match(u[0])),
    'hashedShapeViolations': facts['hashedViolation'], 'numericIdMaxDigits': facts['maxDigits'],
    'retweetsWithEmptyRetweetUserid': facts['rtEmpty'], 'retweetsWithoutRTPrefix': facts['rtNoPrefix'],
    'replies': facts['replies'], 'quotes': facts['quotes'], 'emptyCounts': facts['emptyCounts'],
    'isRetweetValues': sorted(k[5:] for k in facts if k.startswith('isrt:')),
    'geoWords': sorted({k[4:] for k in facts if k.startswith('geo:')}),
    'pythonListsBad': facts['pylistBad'], 'badTimes': facts['badTime'], 'scripts': sorted(scripts),
    'largestCreationBurst': max(creation.values()),
    'operationClientsBeforeSwitch': sorted(clients_before), 'operationClientsAfterSwitch': sorted(clients_after),
}))
