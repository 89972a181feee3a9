import re,sys,glob
M=[('Command::Go(','NavCommand::Go('),('Command::Answer(','EditCommand::Answer('),('Command::Edited','EditCommand::Edited'),
('Command::OpenDialog','FileCommand::OpenDialog'),('Command::OpenExample(','FileCommand::OpenExample('),('Command::Open(','FileCommand::Open('),
('Command::AddInventoryRow(','EditCommand::AddInventoryRow('),('Command::CompareAdd(','CompareCommand::Add('),('Command::ClassAdd(','ClassCommand::Add('),
('Command::TogglePresentation','NavCommand::TogglePresentation'),('Command::NewAssessment','FileCommand::NewAssessment'),('Command::DismissError','NavCommand::DismissError')]
for f in glob.glob(sys.argv[1]+'/tests/it/*.rs'):
    s=open(f).read(); o=s
    if 'mamori::app::' not in s: continue
    for a,b in M:
        s=re.sub(r'(?<![A-Za-z])'+re.escape(a), b, s)
    used=sorted(set(re.findall(r'\b(NavCommand|EditCommand|FileCommand|CompareCommand|ClassCommand)\b',s)))
    def fix(m):
        items=[x.strip() for x in m.group(1).split(',') if x.strip()]
        items=[x for x in items if x!='Command']+used
        items=sorted(set(items), key=lambda x:(x[0].islower(), x))
        return 'use mamori::app::{'+', '.join(items)+'};'
    s=re.sub(r'use mamori::app::\{([^}]*)\};',fix,s)
    s=s.replace('.teams.older','.compare.older').replace('.teams.suggestions','.suggestions')
    if s!=o: open(f,'w').write(s); print('fixed',f)
