"""Contract skeletons. Each template names its pieces (from neutral vocabularies), declares
shared state and events, and registers default functions that a bug form may replace
(same key). `finish` adds the owner modifier, the constructor and a few random extras.

Capabilities (`b.caps`) say which bug forms fit a template:
ledger (ether owed per account: `$L`), tokens (`$B`, `$supply`), approve (`$A`), sale,
people (`$people`, a growing payable array), players (a draw over `$people`), leader
(highest bidder `$leader`/`$top`), guess, bounty, start, rate, timelock, tickets, module,
upgrade, multisig, execute.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from datasets.generator import common as K
from datasets.generator.assemble import Builder, Fix, Line, Member
from datasets.generator.names import AMOUNT_PARAMS, FLAGS, LABELS, SETTINGS, TRACKERS

OWNERS = ("owner", "admin", "manager", "controller", "operator", "governor", "steward")


def _cap(name: str) -> str:
    return name[:1].upper() + name[1:]


def base(b: Builder, suffixes: tuple[str, ...], tails: tuple[str, ...]) -> None:
    S = b.style
    b.contract = b.namer.contract(suffixes)
    b.set(C=b.contract, u=S.u, now=S.now, sender=S.sender, pay=S.pay, mem=S.mem,
          diff=S.difficulty)
    owner = b.name("owner", OWNERS)
    b.name("only", (f"only{_cap(owner)}", f"only{_cap(owner)}", "restricted", "authorized",
                    "privileged"))
    b.tails = tails
    b.name("paid", ("Paid", "Withdrawn", "Released", "Payout", "Disbursed", "Settled"))
    b.state("$pay public $owner;", key="state:owner")
    b.event("event $paid(address indexed account, $u amount);")


def ensure_start(b: Builder) -> str:
    if "start" not in b.values:
        b.name("start", ("start", "startedAt", "launchedAt", "openedAt", "genesis", "origin"))
        b.state("$u public $start;", key="state:start")
        b.ctor_lines.append("$start = $now;")
    return b["start"]


def amount(b: Builder, role: str) -> str:
    return b.name(role, AMOUNT_PARAMS)


# ---- templates -------------------------------------------------------------------------


def token(b: Builder) -> None:
    base(b, ("Token", "Coin", "Points", "Credits", "Shares", "Units"),
         ("Tokens", "Units", "Coins", "Shares"))
    b.caps |= {"tokens", "approve", "sale", "people", "module"}
    b.name("B", ("balances", "balanceOf", "holdings", "ledger"))
    b.name("A", ("allowed", "allowance", "allowances", "approvals"))
    b.name("supply", ("totalSupply", "supply", "issued", "circulating"))
    b.name("tname", ("name", "title", "label"))
    b.name("tsym", ("symbol", "ticker", "code"))
    b.name("tdec", ("decimals", "precision"))
    b.name("Transfer", ("Transfer", "Moved", "Transferred"))
    b.name("Approval", ("Approval", "Approved", "AllowanceSet"))
    b.name("transferFn", ("transfer", "move", "transferTo", "give"))
    b.name("transferFromFn", ("transferFrom", "moveFrom", "spendFrom"))
    b.name("approveFn", ("approve", "allow", "setAllowance", "permit"))
    b.name("spender", ("spender", "delegate", "operatorAddr", "agent"))
    b.name("val", ("value", "allowanceValue", "limitValue", "newValue"))
    for role in ("to", "from_", "to2"):
        b.name(role, ("to", "dst", "recipient", "receiver", "from", "src", "sender_",
                      "origin_", "destination"))
    for role in ("amt", "amt2", "amt3"):
        amount(b, role)
    b.pick("tokname", ("Atlas Coin", "River Points", "Cedar Units", "Orbit Credits",
                       "Maple Shares", "Nova Token"))
    b.pick("symbol", ("ATL", "RVP", "CDU", "ORC", "MPS", "NVT", "QTZ", "HRB"))
    b.pick("decimals", ("18", "18", "8", "6", "2", "0"))
    b.state('string public $tname = "$tokname";', key="state:tname")
    b.state('string public $tsym = "$symbol";', key="state:tsym")
    b.state("uint8 public $tdec = $decimals;", key="state:tdec")
    b.state("$u public $supply;", key="state:supply")
    b.state("mapping(address => $u) public $B;", key="state:B")
    b.state("mapping(address => mapping(address => $u)) public $A;", key="state:A")
    b.event("event $Transfer(address indexed from, address indexed to, $u value);")
    b.event("event $Approval(address indexed holder, address indexed spender, $u value);")
    b.name("initial", ("initialSupply", "initial", "minted", "genesisSupply"))
    b.ctor_params.append("$u $initial")
    b.ctor_lines += ["$supply = $initial;", "$B[msg.sender] = $initial;"]
    b.default("function", """
function $transferFn(address $to, $u $amt) public returns (bool) {
    $nz
    $enough
    $B[msg.sender] -= $amt;
    $B[$to] += $amt;
    emit $Transfer(msg.sender, $to, $amt);
    return true;
}""", key="transfer", nz=K.req(b, "$to != address(0)", "input"),
        enough=K.req(b, "$B[msg.sender] >= $amt", "funds"))
    b.default("function", """
function $transferFromFn(address $from_, address $to2, $u $amt2) public returns (bool) {
    $enough
    $allowed
    $B[$from_] -= $amt2;
    $A[$from_][msg.sender] -= $amt2;
    $B[$to2] += $amt2;
    emit $Transfer($from_, $to2, $amt2);
    return true;
}""", key="transferFrom", enough=K.req(b, "$B[$from_] >= $amt2", "funds"),
        allowed=K.req(b, "$A[$from_][msg.sender] >= $amt2", "funds"))
    b.default("function", """
function $approveFn(address $spender, $u $val) public returns (bool) {
    $fresh
    $A[msg.sender][$spender] = $val;
    emit $Approval(msg.sender, $spender, $val);
    return true;
}""", key="approve", fresh=K.req(b, "$val == 0 || $A[msg.sender][$spender] == 0", "state"))
    if b.rng.random() < 0.5:
        b.name("burnFn", ("burn", "retire", "destroyTokens", "redeemTokens"))
        b.default("function", """
function $burnFn($u $amt3) public {
    $enough
    $B[msg.sender] -= $amt3;
    $supply -= $amt3;
    emit $Transfer(msg.sender, address(0), $amt3);
}""", key="burn", enough=K.req(b, "$B[msg.sender] >= $amt3", "funds"))
    b.set(f_tail="")


def vault(b: Builder) -> None:
    base(b, ("Vault", "Bank", "Fund", "Treasury", "Reserve", "Pool", "Savings", "Depository"),
         ("Funds", "Deposit", "Balance", "Savings", "Ether"))
    b.caps |= {"ledger", "people", "timelock", "bounty", "module", "start"}
    b.name("L", ("balances", "holdings", "deposits", "credits", "savings", "accountOf"))
    b.name("total", ("totalDeposits", "totalHeld", "reserves", "held", "aggregate"))
    b.name("Deposited", ("Deposited", "Funded", "Received", "Credited"))
    b.name("depositFn", ("deposit", "fund", "put", "addFunds", "store"))
    b.name("withdrawFn", ("withdraw", "take", "removeFunds", "withdrawFunds"))
    amount(b, "w_amt")
    b.state("mapping(address => $u) public $L;", key="state:L")
    b.state("$u public $total;", key="state:total")
    b.event("event $Deposited(address indexed account, $u amount);")
    b.default("function", """
function $depositFn() public payable {
    $pos
    $L[msg.sender] += msg.value;
    $total += msg.value;
    emit $Deposited(msg.sender, msg.value);
}""", key="deposit", pos=K.req(b, "msg.value > 0", "value"))
    b.default("function", """
function $withdrawFn($u $w_amt) public {
    $enough
    $L[msg.sender] -= $w_amt;
    $total -= $w_amt;
    $send
    emit $paid(msg.sender, $w_amt);
}""", key="withdraw", enough=K.req(b, "$L[msg.sender] >= $w_amt", "funds"),
        send=K.send_checked(b, "$sender", "$w_amt", "w_ok"))


def auction(b: Builder) -> None:
    base(b, ("Auction", "Bidding", "Gavel", "Marketplace", "Exchange", "Hammer"),
         ("Bid", "Refund", "Proceeds", "Returns"))
    b.caps |= {"ledger", "leader", "start"}
    b.name("L", ("pendingReturns", "refunds", "returnsOf", "owedBack", "outbid"))
    b.name("leader", ("highestBidder", "leader", "topBidder", "currentWinner"))
    b.name("top", ("highestBid", "topBid", "leadingBid", "bestOffer"))
    b.name("start", ("startedAt", "openedAt", "start", "launchTime"))
    b.name("endAt", ("endAt", "deadline", "closesAt", "endTime"))
    b.name("ended", ("ended", "concluded", "closed", "finished"))
    b.name("NewBid", ("HighestBidIncreased", "NewBid", "BidPlaced", "Outbid"))
    b.name("Ended", ("AuctionEnded", "Concluded", "Closed", "Finished"))
    b.name("bidFn", ("bid", "placeBid", "offer", "raise"))
    b.name("endFn", ("end", "close", "finish", "conclude", "settle"))
    b.name("dur", ("durationDays", "lengthDays", "period_", "daysOpen"))
    b.state("$pay public $leader;", key="state:leader")
    b.state("$u public $top;", key="state:top")
    b.state("$u public $start;", key="state:start")
    b.state("$u public $endAt;", key="state:endAt")
    b.state("bool public $ended;", key="state:ended")
    b.state("mapping(address => $u) public $L;", key="state:L")
    b.event("event $NewBid(address bidder, $u amount);")
    b.event("event $Ended(address winner, $u amount);")
    b.ctor_params.append("$u $dur")
    b.ctor_lines += ["$start = $now;", "$endAt = $now + $dur * 1 days;"]
    b.set(pre_bid=K.req(b, "$now < $endAt", "time"))
    b.default("function", """
function $bidFn() public payable {
    $pre_bid
    $higher
    if ($top > 0) {
        $L[$leader] += $top;
    }
    $leader = $sender;
    $top = msg.value;
    emit $NewBid(msg.sender, msg.value);
}""", key="bid", higher=K.req(b, "msg.value > $top", "value"))
    b.default("function", """
function $endFn() public {
    $after
    $once
    $ended = true;
    emit $Ended($leader, $top);
    $send
}""", key="end", after=K.req(b, "$now >= $endAt", "time"), once=K.req(b, "!$ended", "state"),
        send=K.send_checked(b, "$owner", "$top", "end_ok"))
    K.pull(b, b["L"], "withdraw")


def wallet(b: Builder) -> None:
    base(b, ("Wallet", "Purse", "Account", "Coffer", "Chest", "Treasury"),
         ("Allowance", "Funds", "Quota", "Budget"))
    b.caps |= {"ledger", "people", "module", "execute", "start"}
    b.name("L", ("allowances", "limits", "quotas", "budgets", "spendable", "grants"))
    b.name("dailyLimit", ("dailyLimit", "dayCap", "perDay", "maxPerDay"))
    b.name("spent", ("spentInWindow", "usedInPeriod", "dayTotal", "daySpent"))
    b.name("lastDay", ("lastDay", "dayStart", "windowStart", "currentDay"))
    b.name("Received", ("Received", "Incoming", "Funded", "Topped"))
    b.name("grantFn", ("grant", "setAllowance", "assign", "allot"))
    b.name("spendFn", ("spend", "pay", "disburse", "sendOut"))
    b.name("limitP", ("limit", "cap", "maxDaily", "ceilingValue"))
    b.name("who", ("member", "who", "spender", "account"))
    b.name("to", ("to", "payee", "dest", "recipient"))
    amount(b, "g_amt")
    amount(b, "s_amt")
    b.state("mapping(address => $u) public $L;", key="state:L")
    b.state("$u public $dailyLimit;", key="state:dailyLimit")
    b.state("$u public $spent;", key="state:spent")
    b.state("$u public $lastDay;", key="state:lastDay")
    b.event("event $Received(address indexed from, $u amount);")
    b.ctor_params.append("$u $limitP")
    b.ctor_lines += ["$dailyLimit = $limitP;", "$lastDay = $now;"]
    b.default("function", """
$header
    emit $Received(msg.sender, msg.value);
}""", key="unnamed" if b.style.minor <= 5 else "receive", header=b.style.receive())
    b.default("function", """
function $grantFn(address $who, $u $g_amt) public $only {
    $L[$who] = $g_amt;
}""", key="grant")
    b.default("function", """
function $spendFn($pay $to, $u $s_amt) public $only {
    if ($now >= $lastDay + 1 days) {
        $lastDay = $now;
        $spent = 0;
    }
    $within
    $spent += $s_amt;
    $send
}""", key="spend", within=K.req(b, "$s_amt <= $dailyLimit && $spent + $s_amt <= $dailyLimit",
                                 "funds"),
        send=K.send_checked(b, "$to", "$s_amt", "s_ok"))
    K.pull(b, b["L"], "withdraw")


def lottery(b: Builder) -> None:
    base(b, ("Lottery", "Raffle", "Draw", "Sweepstake", "Jackpot", "Lotto"),
         ("Winnings", "Prize", "Reward", "Jackpot"))
    b.caps |= {"ledger", "people", "players", "bounty", "start", "tickets"}
    b.name("people", ("players", "entrants", "participants", "contestants"))
    b.name("ticket", ("ticketPrice", "entryFee", "price", "ticketCost"))
    b.name("pot", ("pot", "jackpot", "prizePool", "purse"))
    b.name("round", ("round", "drawNumber", "edition", "roundId"))
    b.name("L", ("winnings", "prizes", "owed", "payouts"))
    b.name("lastWinner", ("lastWinner", "recentWinner", "winner", "champion"))
    b.name("Entered", ("Entered", "TicketBought", "Joined"))
    b.name("Won", ("Won", "WinnerPicked", "Drawn"))
    b.name("enterFn", ("enter", "buyTicket", "play", "join"))
    b.name("drawFn", ("draw", "pickWinner", "finishRound", "roll"))
    b.name("priceP", ("priceWei", "fee", "ticketWei", "cost"))
    b.name("idx", ("index", "idx", "pick", "chosen"))
    b.state("$pay[] public $people;", key="state:people")
    b.state("$u public $ticket;", key="state:ticket")
    b.state("$u public $pot;", key="state:pot")
    b.state("$u public $round;", key="state:round")
    b.state("mapping(address => $u) public $L;", key="state:L")
    b.state("$pay public $lastWinner;", key="state:lastWinner")
    b.event("event $Entered(address indexed player);")
    b.event("event $Won(address indexed player, $u amount);")
    b.ctor_params.append("$u $priceP")
    b.ctor_lines += [K.req(b, "$priceP > 0", "input"), "$ticket = $priceP;"]
    ent = K.entropy(b)
    b.set(draw_tail="\n".join([
        "$lastWinner = $people[$idx];",
        "$L[$lastWinner] += $pot;",
        "emit $Won($lastWinner, $pot);",
        "$pot = 0;",
        "delete $people;",
        "$round += 1;",
    ]))
    b.set(draw_tail=b.fill(b["draw_tail"]))
    b.default("function", """
function $enterFn() public payable {
    $exact
    $people.push($sender);
    $pot += msg.value;
    emit $Entered(msg.sender);
}""", key="enter", exact=K.req(b, "msg.value == $ticket", "value"))
    b.default("function", """
function $drawFn() public $only {
    $some
    $u $idx = $u(keccak256(abi.encodePacked($ent, $people.length))) % $people.length;
    $draw_tail
}""", key="draw", some=K.req(b, "$people.length > 0", "state"), ent=ent)
    K.pull(b, b["L"], "withdraw")


def game(b: Builder) -> None:
    base(b, ("Game", "Dice", "Arena", "Challenge", "Table", "Roulette", "Duel"),
         ("Winnings", "Prize", "Reward", "Credits"))
    b.caps |= {"ledger", "leader", "guess", "bounty", "start", "tickets"}
    b.name("bet", ("stake", "bet", "wager", "entry"))
    b.name("L", ("winnings", "credits", "payouts", "owed", "balances"))
    b.name("leader", ("king", "leader", "champion", "titleHolder"))
    b.name("top", ("kingBid", "leadPrice", "claimPrice", "throne"))
    b.name("playFn", ("play", "guessNumber", "roll", "spin", "flip"))
    b.name("bidFn", ("claimThrone", "takeLead", "crown", "challenge"))
    b.name("fundFn", ("fund", "seed_", "topUp", "replenish"))
    b.name("guess", ("guess", "pick", "choice", "number"))
    b.name("answer", ("answer", "outcome", "result", "rolled"))
    b.name("betP", ("betWei", "stakeWei", "wagerWei", "entryWei"))
    b.name("NewLeader", ("NewKing", "NewLeader", "Crowned", "TakenOver"))
    b.pick("range", ("2", "6", "10", "12", "20", "36", "100"))
    b.pick("mult", ("2", "3", "5", "8"))
    b.state("$u public $bet;", key="state:bet")
    b.state("mapping(address => $u) public $L;", key="state:L")
    b.state("$pay public $leader;", key="state:leader")
    b.state("$u public $top;", key="state:top")
    b.event("event $NewLeader(address indexed player, $u amount);")
    b.ctor_params.append("$u $betP")
    b.ctor_lines += [K.req(b, "$betP > 0", "input"), "$bet = $betP;"]
    b.set(pre_bid="")
    ent = K.entropy(b)
    b.default("function", """
function $playFn($u $guess) public payable {
    $exact
    $inrange
    $u $answer = $u(keccak256(abi.encodePacked($ent, msg.sender))) % $range;
    if ($guess == $answer) {
        $L[msg.sender] += $bet * $mult;
    }
}""", key="play", exact=K.req(b, "msg.value == $bet", "value"),
        inrange=K.req(b, "$guess < $range", "input"), ent=ent)
    b.default("function", """
function $bidFn() public payable {
    $higher
    if ($top > 0) {
        $L[$leader] += $top;
    }
    $leader = $sender;
    $top = msg.value;
    emit $NewLeader(msg.sender, msg.value);
}""", key="bid", higher=K.req(b, "msg.value > $top", "value"))
    b.default("function", """
function $fundFn() public payable $only {
    emit $paid(address(this), msg.value);
}""", key="fund")
    K.pull(b, b["L"], "withdraw")


def proxy(b: Builder) -> None:
    base(b, ("Proxy", "Router", "Dispatcher", "Gateway", "Forwarder", "Relay"),
         ("Implementation", "Logic", "Target"))
    b.caps |= {"module", "upgrade"}
    S = b.style
    b.name("module", ("implementation", "logic", "impl", "backend", "current"))
    b.name("setModule", ("upgradeTo", "upgrade", "setImplementation", "migrate"))
    b.name("m_addr", ("newImplementation", "next", "newLogic", "target"))
    b.name("Upgraded", ("Upgraded", "ImplementationChanged", "Migrated"))
    b.name("initImpl", ("initialImplementation", "firstLogic", "impl_", "logicAddress"))
    b.name("fb_ok", ("ok", "success", "done", "result"))
    b.state("address public $module;", key="state:module")
    b.event("event $Upgraded(address indexed implementation);")
    b.ctor_params.append("address $initImpl")
    b.ctor_lines.append("$module = $initImpl;")
    b.default("function", """
function $setModule(address $m_addr) public $only {
    $nz
    $module = $m_addr;
    emit $Upgraded($m_addr);
}""", key="fn:setModule", nz=K.req(b, "$m_addr != address(0)", "input"))
    if S.minor <= 4:
        body = S.req(f"{b['module']}.delegatecall(msg.data)", K.msg(b, "call"))
    else:
        body = (S.delegate_ok(b["fb_ok"], b["module"], "msg.data") + "\n"
                + S.req(b["fb_ok"], K.msg(b, "call")))
    b.default("function", """
$header
    $body
}""", key="unnamed" if S.minor <= 5 else "fallback", header=S.fallback(), body=body)
    if S.minor >= 6 and b.rng.random() < 0.6:
        b.name("Received", ("Received", "Incoming", "Funded"))
        b.event("event $Received(address indexed from, $u amount);")
        b.default("function", """
receive() external payable {
    emit $Received(msg.sender, msg.value);
}""", key="receive")


def multisig(b: Builder) -> None:
    base(b, ("MultiSig", "Council", "Committee", "Board", "Quorum", "Signers"),
         ("Transaction", "Proposal", "Request", "Payment"))
    b.caps |= {"multisig", "people", "module", "execute"}
    S = b.style
    b.name("people", ("signers", "owners", "members", "keyholders", "guardians"))
    b.name("isSigner", ("isSigner", "isOwner", "isMember", "canSign"))
    b.name("required", ("required", "threshold", "quorum", "needed"))
    b.name("Tx", ("Transaction", "Proposal", "Request", "Call"))
    b.name("f_to", ("to", "target", "dest", "recipient"))
    b.name("f_val", ("value", "amount", "sum", "payment"))
    b.name("f_data", ("data", "payload", "input", "callData"))
    b.name("f_done", ("executed", "done", "settled", "finished"))
    b.name("f_ap", ("approvals", "confirmations", "votes", "signatures"))
    b.name("txs", ("transactions", "proposals", "requests", "queue"))
    b.name("approved", ("approved", "confirmed", "voted", "signed"))
    b.name("onlySigner", ("onlySigner", "onlyMember", "signersOnly", "onlyCouncil"))
    b.name("addFn", ("addSigner", "addOwner", "addMember", "admit"))
    b.name("submitFn", ("submit", "propose", "submitTransaction", "queueCall"))
    b.name("confirmFn", ("confirm", "approve", "vote", "sign"))
    b.name("execFn", ("execute", "run", "executeTransaction", "perform"))
    b.name("countFn", ("count", "transactionCount", "size", "length_"))
    b.name("reqP", ("requiredSigs", "needed_", "minApprovals", "quorumSize"))
    b.name("newWho", ("who", "account", "member", "newSigner"))
    b.name("s_to", ("to", "dest", "recipient", "target"))
    b.name("s_v", ("value", "amount", "wad", "sum"))
    b.name("s_d", ("data", "payload", "callData", "input"))
    b.name("id", ("id", "txId", "index", "proposalId"))
    b.name("t", ("t", "txn", "entry", "item"))
    b.add("struct", """
struct $Tx {
    $pay $f_to;
    $u $f_val;
    bytes $f_data;
    bool $f_done;
    $u $f_ap;
}""", key="struct:Tx")
    b.state("$pay[] public $people;", key="state:people")
    b.state("mapping(address => bool) public $isSigner;", key="state:isSigner")
    b.state("$u public $required;", key="state:required")
    b.state("$Tx[] internal $txs;", key="state:txs")
    b.state("mapping($u => mapping(address => bool)) public $approved;", key="state:approved")
    b.add("modifier", """
modifier $onlySigner() {
    $check
    _;
}""", key="onlySigner", check=K.req(b, "$isSigner[msg.sender]", "owner"))
    b.ctor_params.append("$u $reqP")
    b.ctor_lines += [K.req(b, "$reqP > 0", "input"), "$required = $reqP;",
                     "$isSigner[msg.sender] = true;", "$people.push($sender);"]
    b.default("function", """
function $addFn($pay $newWho) public $only {
    $fresh
    $isSigner[$newWho] = true;
    $people.push($newWho);
}""", key="addSigner", fresh=K.req(b, "!$isSigner[$newWho]", "state"))
    b.default("function", """
function $submitFn($pay $s_to, $u $s_v, bytes$mem $s_d) public $onlySigner returns ($u) {
    $txs.push($Tx({$f_to: $s_to, $f_val: $s_v, $f_data: $s_d, $f_done: false, $f_ap: 0}));
    return $txs.length - 1;
}""", key="submit")
    b.default("function", """
function $confirmFn($u $id) public $onlySigner {
    $exists
    $fresh
    $approved[$id][msg.sender] = true;
    $txs[$id].$f_ap += 1;
}""", key="confirm", exists=K.req(b, "$id < $txs.length", "input"),
        fresh=K.req(b, "!$approved[$id][msg.sender]", "state"))
    call, check = K.call_parts(b, "$t.$f_to", "$t.$f_val", "x_ok", data="$t.$f_data")
    b.default("function", """
function $execFn($u $id) public $onlySigner {
    $Tx storage $t = $txs[$id];
    $open
    $enough
    $t.$f_done = true;
    $call
    $check
}""", key="execute", open=K.req(b, "!$t.$f_done", "state"),
        enough=K.req(b, "$t.$f_ap >= $required", "state"), call=call, check=check)
    b.default("function", """
function $countFn() public view returns ($u) {
    return $txs.length;
}""", key="count")
    b.name("Received", ("Received", "Deposit", "Funded", "Incoming"))
    b.event("event $Received(address indexed from, $u amount);")
    b.default("function", """
$header
    emit $Received(msg.sender, msg.value);
}""", key="unnamed" if S.minor <= 5 else "receive", header=S.receive())


def staking(b: Builder) -> None:
    base(b, ("Staking", "Farm", "StakePool", "Yield", "Harvest", "Stakehouse"),
         ("Stake", "Deposit", "Rewards", "Position"))
    b.caps |= {"ledger", "people", "players", "start", "rate", "timelock", "module"}
    b.name("L", ("stakes", "staked", "stakeOf", "positions", "deposits"))
    b.name("since", ("since", "stakedAt", "lastClaim", "lastHarvest", "checkpoint"))
    b.name("points", ("points", "rewards", "earned", "accrued"))
    b.name("rate", ("rate", "rewardRate", "dailyRate", "yieldRate"))
    b.name("totalStaked", ("totalStaked", "totalLocked", "poolSize", "stakedSum"))
    b.name("people", ("stakers", "participants", "holders", "farmers"))
    b.name("Staked", ("Staked", "Locked", "Joined"))
    b.name("stakeFn", ("stake", "lock", "enter", "deposit"))
    b.name("harvestFn", ("harvest", "claimRewards", "accrue", "collectRewards"))
    b.name("unstakeFn", ("unstake", "exit", "leave", "withdrawStake"))
    b.name("setRateFn", ("setRate", "updateRate", "tuneRate", "configureRate"))
    b.name("rateP", ("initialRate", "rateValue", "ratePerDay", "startRate"))
    b.name("newRate", ("newRate", "r", "nextRate", "value"))
    b.name("periods", ("periods", "elapsedDays", "fullDays", "intervals"))
    b.name("earned", ("reward", "gain", "accruedNow", "owedPoints"))
    amount(b, "u_amt")
    b.state("mapping(address => $u) public $L;", key="state:L")
    b.state("mapping(address => $u) public $since;", key="state:since")
    b.state("mapping(address => $u) public $points;", key="state:points")
    b.state("$u public $rate;", key="state:rate")
    b.state("$u public $totalStaked;", key="state:totalStaked")
    b.state("$pay[] public $people;", key="state:people")
    b.event("event $Staked(address indexed account, $u amount);")
    b.ctor_params.append("$u $rateP")
    b.ctor_lines.append("$rate = $rateP;")
    b.default("function", """
function $stakeFn() public payable {
    $pos
    if ($L[msg.sender] == 0) {
        $people.push($sender);
        $since[msg.sender] = $now;
    }
    $L[msg.sender] += msg.value;
    $totalStaked += msg.value;
    emit $Staked(msg.sender, msg.value);
}""", key="stake", pos=K.req(b, "msg.value > 0", "value"))
    b.default("function", """
function $harvestFn() public {
    $u $periods = ($now - $since[msg.sender]) / 1 days;
    $since[msg.sender] = $now;
    $points[msg.sender] += $periods * $rate;
}""", key="harvest")
    b.default("function", """
function $unstakeFn() public {
    $u $u_amt = $L[msg.sender];
    $some
    $L[msg.sender] = 0;
    $totalStaked -= $u_amt;
    $send
    emit $paid(msg.sender, $u_amt);
}""", key="withdraw", some=K.req(b, "$u_amt > 0", "empty"),
        send=K.send_checked(b, "$sender", "$u_amt", "u_ok"))
    b.default("function", """
function $setRateFn($u $newRate) public $only {
    $bound
    $rate = $newRate;
}""", key="setRate", bound=K.req(b, "$newRate <= 1000", "input"))
    b.name("idx", ("index", "idx", "pick", "chosen"))
    b.pick("bonus", ("100", "250", "500", "1000"))
    b.set(draw_tail=b.fill("$points[$people[$idx]] += $bonus;"))


def crowdsale(b: Builder) -> None:
    base(b, ("Crowdsale", "Sale", "Offering", "Presale", "Launch", "Fundraiser"),
         ("Tokens", "Contribution", "Purchase", "Refund"))
    b.caps |= {"ledger", "tokens", "sale", "people", "players", "start", "tickets"}
    b.name("L", ("contributions", "contributed", "paidIn", "deposits"))
    b.name("B", ("tokensOf", "balances", "allocations", "purchased"))
    b.name("rate", ("rate", "tokensPerWei", "conversion", "multiplier"))
    b.name("raised", ("raised", "weiRaised", "collected", "totalRaised"))
    b.name("goal", ("goal", "target", "softCap", "minimumRaise"))
    b.name("start", ("start", "openingTime", "startsAt", "launchTime"))
    b.name("end", ("endAt", "closingTime", "deadline", "saleEnd"))
    b.name("supply", ("sold", "tokensSold", "distributed", "issued"))
    b.name("finalized", ("finalized", "concluded", "wrapped", "completed"))
    b.name("people", ("buyers", "contributors", "backers", "supporters"))
    b.name("Purchased", ("Purchased", "TokensBought", "Contributed"))
    b.name("buyFn", ("buy", "buyTokens", "contribute", "purchase"))
    b.name("finalizeFn", ("finalize", "closeSale", "wrapUp", "conclude"))
    b.name("refundFn", ("refund", "claimRefund", "reclaim", "getRefund"))
    b.name("units", ("units", "tokens", "bought", "allocation"))
    b.name("rateP", ("rateValue", "initialRate", "ratio_", "tokensEach"))
    b.name("goalP", ("goalWei", "targetWei", "capWei", "minimum"))
    b.name("durP", ("durationDays", "lengthDays", "daysOpen", "saleDays"))
    amount(b, "r_amt")
    b.state("mapping(address => $u) public $L;", key="state:L")
    b.state("mapping(address => $u) public $B;", key="state:B")
    b.state("$u public $rate;", key="state:rate")
    b.state("$u public $raised;", key="state:raised")
    b.state("$u public $goal;", key="state:goal")
    b.state("$u public $start;", key="state:start")
    b.state("$u public $end;", key="state:end")
    b.state("$u public $supply;", key="state:supply")
    b.state("bool public $finalized;", key="state:finalized")
    b.state("$pay[] public $people;", key="state:people")
    b.event("event $Purchased(address indexed buyer, $u units);")
    b.ctor_params += ["$u $rateP", "$u $goalP", "$u $durP"]
    b.ctor_lines += ["$rate = $rateP;", "$goal = $goalP;", "$start = $now;",
                     "$end = $now + $durP * 1 days;"]
    b.set(f_tail="\n".join(["$L[msg.sender] += msg.value;", "$raised += msg.value;"]))
    b.set(f_tail=b.fill(b["f_tail"]))
    b.default("function", """
function $buyFn() public payable {
    $window
    $pos
    $u $units = msg.value * $rate;
    if ($L[msg.sender] == 0) {
        $people.push($sender);
    }
    $L[msg.sender] += msg.value;
    $B[msg.sender] += $units;
    $raised += msg.value;
    $supply += $units;
    emit $Purchased(msg.sender, $units);
}""", key="buy", window=K.req(b, "$now >= $start && $now <= $end", "time"),
        pos=K.req(b, "msg.value > 0", "value"))
    b.default("function", """
function $finalizeFn() public $only {
    $after
    $once
    $finalized = true;
    if ($raised >= $goal) {
        $send
    }
}""", key="finalize", after=K.req(b, "$now > $end", "time"),
        once=K.req(b, "!$finalized", "state"),
        send=K.send_checked(b, "$owner", "address(this).balance", "f_ok"))
    b.default("function", """
function $refundFn() public {
    $failed
    $u $r_amt = $L[msg.sender];
    $some
    $L[msg.sender] = 0;
    $send
}""", key="withdraw", failed=K.req(b, "$finalized && $raised < $goal", "state"),
        some=K.req(b, "$r_amt > 0", "empty"), send=K.send_checked(b, "$sender", "$r_amt", "r_ok"))
    b.name("idx", ("index", "idx", "pick", "chosen"))
    b.pick("bonus", ("100", "250", "500", "1000"))
    b.set(draw_tail=b.fill("$B[$people[$idx]] += $bonus;"))


def escrow(b: Builder) -> None:
    base(b, ("Escrow", "Deal", "Agreement", "Settlement", "Trust", "Arbiter"),
         ("Payment", "Deal", "Funds", "Release"))
    b.caps |= {"ledger", "start"}
    b.name("Deal", ("Deal", "Agreement", "Order", "Engagement"))
    b.name("deals", ("deals", "agreements", "orders", "book"))
    b.name("f_payer", ("payer", "buyer", "client"))
    b.name("f_payee", ("payee", "seller", "provider"))
    b.name("f_amount", ("amount", "price", "escrowed", "total"))
    b.name("f_rel", ("released", "closed", "completed"))
    b.name("L", ("credits", "owed", "claimable", "earnings"))
    b.name("Opened", ("Opened", "Created", "Started"))
    b.name("Settled", ("Released", "Resolved", "Completed", "Finalised"))
    b.name("openFn", ("open", "create", "start", "lockPayment"))
    b.name("releaseFn", ("release", "confirmDelivery", "complete", "approveDeal"))
    b.name("cancelFn", ("cancel", "refundDeal", "revertDeal", "annul"))
    b.name("payeeP", ("payee", "seller", "provider", "counterparty"))
    b.name("id", ("id", "dealId", "index", "number"))
    b.name("d", ("d", "deal", "item", "entry"))
    b.add("struct", """
struct $Deal {
    address $f_payer;
    address $f_payee;
    $u $f_amount;
    bool $f_rel;
}""", key="struct:Deal")
    b.state("$Deal[] public $deals;", key="state:deals")
    b.state("mapping(address => $u) public $L;", key="state:L")
    b.event("event $Opened($u indexed id, address payer, address payee);")
    b.event("event $Settled($u indexed id);")
    b.default("function", """
function $openFn(address $payeeP) public payable returns ($u) {
    $pos
    $deals.push($Deal(msg.sender, $payeeP, msg.value, false));
    emit $Opened($deals.length - 1, msg.sender, $payeeP);
    return $deals.length - 1;
}""", key="open", pos=K.req(b, "msg.value > 0", "value"))
    b.default("function", """
function $releaseFn($u $id) public {
    $Deal storage $d = $deals[$id];
    $who
    $once
    $d.$f_rel = true;
    $L[$d.$f_payee] += $d.$f_amount;
    emit $Settled($id);
}""", key="release", who=K.req(b, "msg.sender == $d.$f_payer || msg.sender == $owner", "owner"),
        once=K.req(b, "!$d.$f_rel", "state"))
    b.default("function", """
function $cancelFn($u $id) public $only {
    $Deal storage $d = $deals[$id];
    $once
    $d.$f_rel = true;
    $L[$d.$f_payer] += $d.$f_amount;
}""", key="cancel", once=K.req(b, "!$d.$f_rel", "state"))
    K.pull(b, b["L"], "withdraw")


TEMPLATES: dict[str, Callable[[Builder], None]] = {
    "token": token,
    "vault": vault,
    "auction": auction,
    "wallet": wallet,
    "lottery": lottery,
    "game": game,
    "proxy": proxy,
    "multisig": multisig,
    "staking": staking,
    "crowdsale": crowdsale,
    "escrow": escrow,
}

#: What each template offers to bug forms (must match what its setup sets).
CAPS: dict[str, frozenset[str]] = {
    "token": frozenset({"tokens", "approve", "sale", "people", "module"}),
    "vault": frozenset({"ledger", "people", "timelock", "bounty", "module", "start"}),
    "auction": frozenset({"ledger", "leader", "start"}),
    "wallet": frozenset({"ledger", "people", "module", "execute", "start"}),
    "lottery": frozenset({"ledger", "people", "players", "bounty", "start", "tickets"}),
    "game": frozenset({"ledger", "leader", "guess", "bounty", "start", "tickets"}),
    "proxy": frozenset({"module", "upgrade"}),
    "multisig": frozenset({"multisig", "people", "module", "execute"}),
    "staking": frozenset({"ledger", "people", "players", "start", "rate", "timelock",
                          "module"}),
    "crowdsale": frozenset({"ledger", "tokens", "sale", "people", "players", "start",
                            "tickets"}),
    "escrow": frozenset({"ledger", "start"}),
}


# ---- finishing -----------------------------------------------------------------------


def _extras(b: Builder) -> None:
    S = b.style
    pool: list[Callable[[], None]] = []

    def flag() -> None:
        f = b.name("x_flag", FLAGS)
        b.name("x_setFlag", (f"set{_cap(f)}", f"toggle{_cap(f)}"))
        b.name("x_fv", ("on", "enabled_", "state_", "newState"))
        b.state("bool public $x_flag;", key="state:x_flag")
        b.function("""
function $x_setFlag(bool $x_fv) public $only {
    $x_flag = $x_fv;
}""", key="x:flag")

    def setting() -> None:
        s = b.name("x_set", SETTINGS)
        b.name("x_setSet", (f"set{_cap(s)}", f"update{_cap(s)}", f"change{_cap(s)}"))
        b.name("x_sv", ("newValue", "v", "amountValue", "next_"))
        b.pick("x_bound", ("100", "1000", "10000", "1 ether", "500"))
        b.state("$u public $x_set;", key="state:x_set")
        b.function("""
function $x_setSet($u $x_sv) public $only {
    $bound
    $x_set = $x_sv;
}""", key="x:setting", bound=K.req(b, "$x_sv <= $x_bound", "input"))

    def label() -> None:
        lab = b.name("x_label", LABELS)
        b.name("x_setLabel", (f"set{_cap(lab)}", f"rename{_cap(lab)}"))
        b.name("x_lv", ("text", "newText", "value_", "content"))
        b.state("string public $x_label;", key="state:x_label")
        b.function("""
function $x_setLabel(string$mem $x_lv) public $only {
    $x_label = $x_lv;
}""", key="x:label")

    def balance() -> None:
        b.name("x_bal", ("contractBalance", "heldBalance", "reserve", "funds", "liquidity"))
        b.function("""
function $x_bal() public view returns ($u) {
    return address(this).balance;
}""", key="x:balance")

    def ledger_view() -> None:
        b.name("x_view", ("creditOf", "owedTo", "balanceFor", "amountOf", "lookup"))
        b.name("x_acct", ("account", "who", "holder", "addr"))
        b.function("""
function $x_view(address $x_acct) public view returns ($u) {
    return $L[$x_acct];
}""", key="x:view")

    def ownership() -> None:
        if b.has("fn:owner"):
            return
        b.name("x_own", ("transferOwnership", "changeOwner", "setOwner", "handOver"))
        b.name("x_next", ("newOwner", "successor", "next", "heir"))
        b.function("""
function $x_own($pay $x_next) public $only {
    $nz
    $owner = $x_next;
}""", key="fn:owner", nz=K.req(b, "$x_next != address(0)", "input"))

    def receive() -> None:
        if b.has("unnamed" if S.minor <= 5 else "receive"):
            return
        b.name("x_Recv", ("Received", "Incoming", "Funded", "Topped", "Deposit"))
        b.event("event $x_Recv(address indexed from, $u amount);")
        b.function("""
$header
    emit $x_Recv(msg.sender, msg.value);
}""", key="unnamed" if S.minor <= 5 else "receive", header=S.receive())

    def tracker() -> None:
        b.name("x_track", TRACKERS)
        b.name("x_touch", ("touch", "ping", "heartbeat", "refresh", "mark"))
        b.state("$u public $x_track;", key="state:x_track")
        b.function("""
function $x_touch() public $only {
    $x_track = $now;
}""", key="x:track")

    def note() -> None:
        b.name("x_Note", ("Note", "Announcement", "Memo", "Logged"))
        b.name("x_noteFn", ("announce", "broadcast", "post", "publishNote"))
        b.name("x_text", ("text", "message", "body", "content_"))
        b.event("event $x_Note(address indexed by, string text);")
        b.function("""
function $x_noteFn(string$mem $x_text) public $only {
    emit $x_Note(msg.sender, $x_text);
}""", key="x:note")

    def is_zero() -> None:
        b.name("x_isZero", ("isZero", "isEmptyAddress", "isUnset", "isNull"))
        b.name("x_a", ("a", "addr", "candidate", "subject"))
        b.function("""
function $x_isZero(address $x_a) public pure returns (bool) {
    return $x_a == address(0);
}""", key="x:zero")

    def counter() -> None:
        c = b.name("x_count", ("counter", "nonce", "serial", "sequence", "revision"))
        b.name("x_bump", (f"bump{_cap(c)}", f"advance{_cap(c)}", f"next{_cap(c)}"))
        b.state("$u public $x_count;", key="state:x_count")
        b.function("""
function $x_bump() public $only {
    $x_count = $x_count + 1;
}""", key="x:counter")

    pool = [flag, setting, label, balance, ownership, receive, tracker, note, is_zero,
            counter]
    if "L" in b.values:
        pool.append(ledger_view)
    for extra in b.rng.sample(pool, b.rng.randint(1, 5)):
        extra()

    # Infrastructure some bug forms' fixes rely on also appears, unused or used safely,
    # in contracts of every category, so that its presence says nothing by itself.
    if S.minor < 8 and b.rng.random() < 0.2:
        K.math_lib(b)
    if "module" not in b.values and b.rng.random() < 0.12:
        mod = K.module(b)
        b.name("x_run", ("runModule", "syncModule", "callLogic", "applyUpdate"))
        b.name("x_arg", ("arg", "param", "input", "argument"))
        b.pick("x_sel", ("update", "sync", "settle", "refresh", "rebalance", "process"))
        fixed = f'abi.encodeWithSignature("{b["x_sel"]}(uint256)", {b["x_arg"]})'
        if S.minor <= 4:
            body = S.req(f"{mod}.delegatecall({fixed})", K.msg(b, "call"))
        else:
            ok = b.name("x_ok", ("ok", "success", "done", "result"))
            body = S.delegate_ok(ok, mod, fixed) + "\n" + S.req(ok, K.msg(b, "call"))
        b.function("""
function $x_run($u $x_arg) public $only {
    $body
}""", key="x:module", body=body)
    if b.rng.random() < 0.1:
        K.entropy(b)


def _decorate(b: Builder) -> None:
    """Use the lock modifier on some functions of both twins (creating it now and then),
    so that an unused lock is not what tells a vulnerable twin apart."""
    if b.has("guard"):
        if b.rng.random() < 0.6:
            b.decorate(b["guard"], b.rng.randint(1, 2))
    elif b.rng.random() < 0.2:
        K.guard(b)
        b.decorate(b["guard"], b.rng.randint(1, 2))


def _pad(b: Builder) -> None:
    """Unrelated statements around the defect (both twins alike), so that a defect is
    not recognised by its function being exactly the injected lines: real functions
    log, flag and record callers around the risky statement. Drawn last, from the
    pair's own random stream, so the rest of the pair is as before."""
    defective = [m for m in b.members if m.kind == "function"
                 and any(isinstance(i, Fix) or i.label for i in m.items)]
    chosen = [m for m in defective if b.rng.random() < 0.75]
    if not chosen:
        return
    last = b.name("pad_last", ("lastCaller", "lastUser", "latestSender", "recentActor"))
    flag = b.name("pad_flag", ("touched", "engaged", "started", "visited"))
    event = b.name("pad_event", ("Touched", "Handled", "Processed", "Seen"))
    who = b.name("pad_who", ("caller", "actor", "initiator", "requester"))
    b.state(f"address public {last};", key="state:pad_last")
    b.state(f"bool public {flag};", key="state:pad_flag")
    b.event(f"event {event}(address indexed who);")
    statements = [(f"{last} = msg.sender;", False), (f"{flag} = true;", False),
                  (b.style.emit(event, "msg.sender"), True),
                  (f"address {who} = msg.sender;", True)]
    for member in chosen:
        checks = [(text, False) for text in _idle_checks(member)]
        if checks and b.rng.random() < 0.6:  # a check that fixes nothing, in both twins
            b.pad(checks, 1, member)
        b.pad(statements, b.rng.randint(1, 3), member)


_PARAM = re.compile(r"\b(address(?: payable)?|uint\d*)\s+(\w+)\s*(?=[,)])")


def _idle_checks(member: Member) -> list[str]:
    """Checks on the function's own parameters that fix no defect (non-zero address,
    non-zero amount), for parameters both twins' headers declare: in real code such
    checks sit next to defects, so a check on the defect's variable must not read as
    the fix."""
    head = member.items[0]
    headers = [head.text] if isinstance(head, Line) else [h for h in (head.vuln[:1]
                                                                    + head.safe[:1])]
    params = None
    for header in headers:
        found = {(t.split()[0], n) for t, n in _PARAM.findall(header.split("(", 1)[-1])}
        params = found if params is None else params & found
    out = []
    for kind, name in sorted(params or ()):
        out.append(f"require({name} != address(0));" if kind == "address"
                   else f"require({name} > 0);")
    return out


def finish(b: Builder) -> None:
    K.owner_modifier(b)
    b.apply_defaults()
    S = b.style
    lines = [] if "no-owner-ctor" in b.tags else ["$owner = $sender;"]
    lines += b.ctor_lines
    if lines or b.ctor_params:
        text = S.ctor(b.contract, ", ".join(b.ctor_params)) + "\n"
        text += "".join(f"    {line}\n" for line in lines) + "}"
        b.add("ctor", text, key="ctor")
    _extras(b)
    _decorate(b)
    b.order()
    _pad(b)
